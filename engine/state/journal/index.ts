/** @module engine/state/journal — the update journal: records, blobs, the append-only file and recovery after a crash */
export * from "./journal";
export * from "./journal-blobs";
export * from "./journal-file";
export * from "./journal-records";
export * from "./recover";
