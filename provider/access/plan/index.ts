/** @module provider/access/plan — the access plan model, its issues and its canonical serialization (the account spec itself stays at the top: every app reads it) */
export * from "./canonical-json";
export * from "./plan";
export * from "./plan-issues";
