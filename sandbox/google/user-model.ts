import { GoogleApiError, invalid, required } from "./errors";
import type { Json } from "./store";

/** Fields a client may write; output-only ones (isAdmin, id, creationTime…) are silently dropped, as Google does. */
const WRITABLE = new Set([
  "primaryEmail",
  "name",
  "password",
  "hashFunction",
  "changePasswordAtNextLogin",
  "suspended",
  "archived",
  "orgUnitPath",
  "includeInGlobalAddressList",
  "recoveryEmail",
  "recoveryPhone",
  "customSchemas",
  "externalIds",
  "relations",
  "organizations",
  "locations",
  "phones",
  "addresses",
  "emails",
  "languages",
  "keywords",
  "gender",
  "ipWhitelisted",
]);
const OUTPUT_ONLY = new Set([
  "id",
  "kind",
  "etag",
  "isAdmin",
  "isDelegatedAdmin",
  "agreedToTerms",
  "isMailboxSetup",
  "lastLoginTime",
  "creationTime",
  "deletionTime",
  "customerId",
  "aliases",
  "nonEditableAliases",
  "isEnrolledIn2Sv",
  "isEnforcedIn2Sv",
  "suspensionReason",
  "thumbnailPhotoUrl",
  "thumbnailPhotoEtag",
]);
const EXTERNAL_ID_TYPES = new Set(["account", "custom", "customer", "login_id", "network", "organization"]);
const RELATION_TYPES = new Set(
  (
    "admin_assistant assistant brother child custom domestic_partner dotted_line_manager exec_assistant " +
    "father friend manager mother parent partner referred_by relative sister spouse"
  ).split(" "),
);
/** Given and family names: letters of any script with their accents, digits, spaces, - / . and '; ≤ 60 characters. */
const NAME_PART = /^[\p{L}\p{M}\p{N} \-/.']{1,60}$/u;
/** The username before the @: ≤ 64 letters, digits, . _ ' -; no two periods in a row, none first or last. */
const USERNAME = /^(?!\.)(?!.*\.\.)[\p{L}\p{M}\p{N}._'-]{1,64}(?<!\.)@[^@\s]+$/u;
const REPEATED = new Set([
  "externalIds",
  "relations",
  "organizations",
  "locations",
  "phones",
  "addresses",
  "emails",
  "languages",
  "keywords",
]);

/** Throws Google's 400 for a body insert/update would reject; returns the writable part of it. */
export function writableFields(body: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(body)) {
    if (OUTPUT_ONLY.has(key)) continue;
    if (!WRITABLE.has(key))
      throw new GoogleApiError(
        400,
        "invalid",
        `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`,
      );
    out[key] = value;
  }
  const name = out.name as Json | undefined;
  for (const part of ["givenName", "familyName"]) {
    const v = name?.[part];
    if (v !== undefined && v !== null && (typeof v !== "string" || !NAME_PART.test(v)))
      throw invalid(`Invalid ${part}`);
  }
  const display = name?.displayName;
  if (display !== undefined && display !== null && (typeof display !== "string" || [...display].length > 256)) {
    throw invalid("Invalid displayName");
  }
  const email = out.primaryEmail;
  if (email !== undefined && (typeof email !== "string" || !USERNAME.test(email))) throw invalid("primary_user_email");
  if (out.password !== undefined && !passwordOk(out.password, out.hashFunction)) throw invalid("Invalid Password");
  checkRepeated(out.externalIds, 2048, "externalIds", (e) => EXTERNAL_ID_TYPES.has(String(e.type)) || !e.type);
  checkRepeated(out.relations, 2048, "relations", (r) => RELATION_TYPES.has(String(r.type)));
  checkRepeated(out.organizations, 10240, "organizations", () => true);
  const orgs = out.organizations as Json[] | undefined;
  if (Array.isArray(orgs) && orgs.filter((o) => o.primary === true).length > 1)
    throw invalid("Only one primary organization is allowed");
  return out;
}

/** A clear password: 8–100 printable ASCII characters; with `hashFunction`, a hash in that function's format. */
const HASH_FORMAT: Record<string, RegExp> = {
  "SHA-1": /^[0-9a-f]{40}$/i,
  MD5: /^[0-9a-f]{32}$/i,
  crypt: /^(\$[156]\$\S+|[./0-9A-Za-z]{13})$/,
};

function passwordOk(password: unknown, hashFunction: unknown): boolean {
  if (typeof password !== "string") return false;
  if (hashFunction !== undefined) {
    return typeof hashFunction === "string" && HASH_FORMAT[hashFunction]?.test(password) === true;
  }
  return password.length >= 8 && password.length <= 100 && /^[\x20-\x7e]+$/.test(password);
}

function checkRepeated(value: unknown, maxBytes: number, field: string, ok: (item: Json) => boolean): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "object" && v !== null && ok(v as Json)))
    throw invalid(`Invalid ${field}`);
  if (Buffer.byteLength(JSON.stringify(value)) > maxBytes) throw invalid(`${field} exceeds ${maxBytes} bytes`);
}

/** users.insert's required fields, checked after writableFields. */
export function requireInsertFields(body: Json): void {
  if (!body.primaryEmail) throw required("primaryEmail");
  const name = body.name as Json | undefined;
  if (!name?.givenName) throw required("name.givenName");
  if (!name?.familyName) throw required("name.familyName");
  if (!body.password) throw required("password");
}

/**
 * Applies an update (`PUT`) or patch body. Both keep missing fields and clear a field sent as `null`; `update`
 * replaces repeated fields whole (so `[]` clears them) while `patch` cannot clear them: an empty or null list
 * leaves the stored one in place, which is the documented trap.
 */
export function mergeUser(existing: Json, body: Json, mode: "update" | "patch"): Json {
  const next: Json = { ...existing };
  for (const [key, value] of Object.entries(body)) {
    if (key === "password" || key === "hashFunction") continue;
    const repeated = REPEATED.has(key);
    if (repeated && mode === "patch" && (value === null || (Array.isArray(value) && value.length === 0))) continue;
    if (value === null) delete next[key];
    else if (key === "name" || key === "customSchemas")
      next[key] = { ...(existing[key] as Json | undefined), ...(value as Json) };
    else next[key] = value;
  }
  const name = next.name as Json;
  next.name = { ...name, fullName: `${String(name.givenName ?? "")} ${String(name.familyName ?? "")}`.trim() };
  if (next.suspended === true) next.suspensionReason = "ADMIN";
  else delete next.suspensionReason;
  return next;
}
