/**
 * What Google Workspace accepts (Directory API `users` resource, app-apis.md §2; Admin help "name guidelines").
 * Names are mapped; the address is the account's identity and never rewritten.
 */
import { localPart, type AppAccepts } from "../shared/accepts";

/** Letters (any script, with their accents), digits, spaces, `-`, `/`, `.`, and the apostrophe of O'Brien. */
const NAME_CHAR = /[\p{L}\p{M}\p{N} \-/.']/u;
const NAME = {
  rule: "Google takes letters, digits, spaces, '-', '/', '.' and ''' in a name, at most 60 characters",
  required: true,
  maxLength: 60,
  allowed: NAME_CHAR,
  mappable: true,
};

export const googleAccepts: AppAccepts = {
  label: "Google",
  rules: [
    { field: "givenName", appField: "name.givenName", ...NAME },
    { field: "familyName", appField: "name.familyName", ...NAME },
    {
      field: "displayName",
      appField: "name.displayName",
      rule: "Google takes a display name of at most 256 characters",
      maxLength: 256,
      mappable: true,
    },
    {
      field: "email",
      appField: "primaryEmail",
      rule:
        "a Google username (before the @) has at most 64 letters, digits, '-', '_', ''' and '.', " +
        "no two periods in a row",
      view: localPart,
      required: true,
      maxLength: 64,
      allowed: /[\p{L}\p{M}\p{N}._'-]/u,
      forbidden: [
        { pattern: /\.\./g, why: "it has two periods in a row" },
        { pattern: /^\.|\.$/g, why: "it begins or ends with a period" },
      ],
    },
  ],
};
