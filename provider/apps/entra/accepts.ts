/**
 * What Entra ID accepts (Microsoft Graph `user` resource, app-apis.md §3.1): the UPN's characters and the
 * documented lengths. The UPN's local part is also the mailNickname, whose rules it already satisfies.
 */
import { localPart, type AppAccepts } from "../shared/accepts";

const NAME = { maxLength: 64, mappable: true };

export const entraAccepts: AppAccepts = {
  label: "Entra",
  rules: [
    {
      field: "userName",
      appField: "userPrincipalName (and mailNickname)",
      rule: "Entra takes at most 64 characters before the @ in a UPN, from A-Z a-z 0-9 ' . - _ ! # ^ ~ (no accents)",
      view: localPart,
      required: true,
      maxLength: 64,
      allowed: /[A-Za-z0-9'.\-_!#^~]/,
    },
    {
      field: "displayName",
      appField: "displayName",
      rule: "Entra needs a display name of at most 256 characters",
      required: true,
      maxLength: 256,
      mappable: true,
    },
    { field: "givenName", appField: "givenName", rule: "Entra takes a given name of at most 64 characters", ...NAME },
    { field: "familyName", appField: "surname", rule: "Entra takes a surname of at most 64 characters", ...NAME },
  ],
};
