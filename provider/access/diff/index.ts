/** @module provider/access/diff — joiner/mover/leaver diff of two plans and its text, markdown and JSON formats */
export * from "./diff";
export * from "./diff-format";
export * from "./diff-summary";
