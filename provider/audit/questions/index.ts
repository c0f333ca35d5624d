/** @module provider/audit/questions — what the history answers: snapshots, one person's timeline, access on a date, access reviews, metrics */
export * from "./access";
export * from "./metrics";
export * from "./review";
export * from "./snapshots";
export * from "./timeline";
export * from "./hr-to-disabled";
export * from "./self-service";
