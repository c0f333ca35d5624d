/** @module engine/state/backend — the file backend: its layout, store, files, lock, meta and manifest */
export * from "./backend";
export * from "./files";
export * from "./layout";
export * from "./lock";
export * from "./manifest";
export * from "./meta";
export * from "./store";
