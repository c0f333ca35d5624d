/** @module provider/access/resolve — the resolver: people × catalog → each person's roles, accounts and names, fitted to what each app accepts */
export * from "./assign";
export * from "./fit-to-apps";
export * from "./reports-to";
export * from "./resolve";
export * from "./resolve-options";
export * from "./revocations";
export * from "./usernames";
