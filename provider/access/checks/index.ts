/** @module provider/access/checks — approvals and persona tests that judge a plan */
export * from "./approvals";
export * from "./check-personas";
export * from "./personas";
export * from "./unread-fields";
