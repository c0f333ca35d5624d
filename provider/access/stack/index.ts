/** @module provider/access/stack — a stack's access model and plan from its config map and files (read through StackFiles) */
export * from "./stack-access";
export * from "./stack-plan";
