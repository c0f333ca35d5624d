import { badRequest, GraphApiError } from "./errors";
import type { Json } from "./store";

/** Properties `POST`/`PATCH /users` accept; anything else is a 400, as Graph answers undeclared properties. */
const WRITABLE = new Set([
  "accountEnabled",
  "displayName",
  "givenName",
  "surname",
  "mailNickname",
  "userPrincipalName",
  "passwordProfile",
  "employeeId",
  "employeeType",
  "employeeHireDate",
  "employeeLeaveDateTime",
  "employeeOrgData",
  "department",
  "jobTitle",
  "companyName",
  "officeLocation",
  "usageLocation",
  "city",
  "country",
  "state",
  "streetAddress",
  "postalCode",
  "mobilePhone",
  "businessPhones",
  "preferredLanguage",
  "mail",
  "otherMails",
  "onPremisesImmutableId",
  "showInAddressList",
  "ageGroup",
  "passwordPolicies",
]);
export const USER_DEFAULT_SELECT = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;
export const USER_FILTERABLE = new Set([
  "id",
  "userPrincipalName",
  "mail",
  "mailNickname",
  "displayName",
  "employeeId",
  "accountEnabled",
  "givenName",
  "surname",
  "department",
  "jobTitle",
  "employeeType",
]);
const REQUIRED = ["accountEnabled", "displayName", "mailNickname", "userPrincipalName"] as const;

/** Graph's documented maximum lengths of the user's name properties. */
const MAX_LENGTH: Record<string, number> = { displayName: 256, givenName: 64, surname: 64, mailNickname: 64 };
/** mailNickname: printable ASCII without @ ( ) \ [ ] " ; : < > , or space. */
const MAIL_NICKNAME = /^[^@()\\[\]";:<>,\s]+$/;
const mailNicknameOk = (v: unknown) => typeof v === "string" && /^[\x21-\x7e]+$/.test(v) && MAIL_NICKNAME.test(v);

function checkLengths(body: Json): void {
  for (const [key, max] of Object.entries(MAX_LENGTH)) {
    const v = body[key];
    if (typeof v === "string" && [...v].length > max) {
      throw badRequest(`Invalid value specified for property '${key}' of resource 'User'.`);
    }
  }
}

/**
 * Graph's default password policy: 8–256 characters, only A–Z a–z 0–9, the ASCII symbols and the blank space (no
 * Unicode), from at least three of lower, upper, digit, symbol.
 */
function passwordOk(password: unknown): boolean {
  if (typeof password !== "string" || password.length < 8 || password.length > 256) return false;
  if (!/^[\x20-\x7e]+$/.test(password)) return false;
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length >= 3;
}

/** Validates a user body for create or update and returns it without the password (kept aside by the caller). */
export function checkUserBody(
  body: Json,
  options: { create: boolean; domains: Set<string>; lifecycleInfoWrite: boolean },
): Json {
  for (const key of Object.keys(body)) {
    if (!WRITABLE.has(key))
      throw badRequest(`Property '${key}' does not exist as a declared property or extension property.`);
  }
  if (options.create) {
    for (const key of REQUIRED)
      if (body[key] === undefined || body[key] === null || body[key] === "")
        throw badRequest(`Invalid value specified for property '${key}' of resource 'User'.`);
    if (!(body.passwordProfile as Json | undefined)?.password)
      throw badRequest("Invalid value specified for property 'passwordProfile' of resource 'User'.");
  }
  if (body.displayName === null)
    throw badRequest("Invalid value specified for property 'displayName' of resource 'User'.");
  const upn = body.userPrincipalName;
  if (upn !== undefined) {
    const [local, domain] = String(upn).split("@");
    if (!local || local.length > 64 || !/^[A-Za-z0-9'.\-_!#^~]+$/.test(local) || String(upn).split("@").length !== 2) {
      throw badRequest("Invalid value specified for property 'userPrincipalName' of resource 'User'.");
    }
    if (!options.domains.has(String(domain).toLowerCase())) {
      throw badRequest(
        "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
      );
    }
  }
  checkLengths(body);
  const nickname = body.mailNickname;
  if (nickname !== undefined && !mailNicknameOk(nickname)) {
    throw badRequest("Invalid value specified for property 'mailNickname' of resource 'User'.");
  }
  const password = (body.passwordProfile as Json | undefined)?.password;
  if (password !== undefined && !passwordOk(password)) {
    throw badRequest(
      "The specified password does not comply with password complexity requirements. Please provide a different password.",
    );
  }
  if (typeof body.employeeId === "string" && body.employeeId.length > 16)
    throw badRequest("Invalid value specified for property 'employeeId' of resource 'User'.");
  for (const key of ["employeeHireDate", "employeeLeaveDateTime"]) {
    const v = body[key];
    if (v !== undefined && v !== null && Number.isNaN(Date.parse(String(v))))
      throw badRequest(`Cannot convert the literal '${String(v)}' to the expected type 'Edm.DateTimeOffset'.`);
  }
  if (body.employeeLeaveDateTime !== undefined && !options.lifecycleInfoWrite) {
    throw new GraphApiError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
  return body;
}

/** The stored user after applying a body: `null` clears; passwordProfile keeps only its flags. */
export function applyUserBody(existing: Json, body: Json): Json {
  const next: Json = { ...existing };
  for (const [key, value] of Object.entries(body)) {
    if (key === "passwordProfile") {
      const { password: _secret, ...flags } = value as Json;
      next.passwordProfile = { ...(existing.passwordProfile as Json | undefined), ...flags, password: null };
    } else if (key === "employeeOrgData") {
      // Graph sets both halves: an omitted one becomes null.
      const v = value as Json | null;
      next.employeeOrgData = v === null ? null : { division: v.division ?? null, costCenter: v.costCenter ?? null };
    } else next[key] = value;
  }
  return next;
}
