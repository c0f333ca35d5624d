import { z } from "zod";
import { badRequest, forbidden } from "./errors";
import type { EnterpriseFields, GroupRecord, UserRecord } from "./store";
import { ENTERPRISE_URN, SLACK_PROFILE_URN, USER_URN } from "./urns";

/** v1 documents 21 characters; v2 keeps the same limit (app-apis.md §1.3). */
export const MAX_USERNAME = 21;
const MAX_DISPLAY_NAME = 80;
/** Pictographs, skin-tone modifiers and the emoji presentation selector: `invalid_emoji_not_allowed`. */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{fe0f}]/u;

const text = z.string().nullish();
const Email = z.object({ value: text, primary: z.unknown().optional(), type: text }).loose();
const Enterprise = z
  .object({
    employeeNumber: text,
    costCenter: text,
    organization: text,
    division: text,
    department: text,
    manager: z.object({ managerId: text }).loose().nullish(),
  })
  .loose();

/** A user body as POST/PUT send it, or as a PATCH leaves the current document. */
export const UserDoc = z
  .object({
    schemas: z.array(z.string()),
    userName: text,
    nickName: text,
    externalId: text,
    displayName: text,
    title: text,
    password: text,
    active: z.unknown().optional(),
    name: z.object({ givenName: text, familyName: text }).loose().nullish(),
    emails: z.array(Email).nullish(),
    [ENTERPRISE_URN]: Enterprise.nullish(),
  })
  .loose();
export type UserDoc = z.infer<typeof UserDoc>;

export type UserFields = Omit<UserRecord, "id" | "created" | "lastModified" | "primaryOwner">;

/** Slack keeps `.`, `_`, `-`, letters and digits; other characters become `_`; an email becomes its local part. */
export function normaliseUserName(raw: string): string {
  const at = raw.indexOf("@");
  return (at >= 0 ? raw.slice(0, at) : raw)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "_");
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isTrue = (v: unknown) => v === true || (typeof v === "string" && v.toLowerCase() === "true");

/** Primary is the one marked `primary`, else `type:"work"`, else the first; only one more is kept. */
function pickEmails(emails: z.infer<typeof Email>[]): { primary: string; secondary?: string } {
  for (const e of emails) {
    if (!e.value) throw badRequest("email_empty");
    if (!EMAIL.test(e.value)) throw badRequest("email_invalid");
  }
  const primary = emails.find((e) => isTrue(e.primary)) ?? emails.find((e) => e.type === "work") ?? emails[0]!;
  const secondary = emails.find((e) => e !== primary);
  return { primary: primary.value!.toLowerCase(), secondary: secondary?.value?.toLowerCase() };
}

function parseUserName(doc: UserDoc, previous?: UserRecord): string {
  // userName and nickName are aliases: whichever one changed wins.
  const nickChanged = previous && doc.nickName != null && doc.nickName !== previous.userName;
  const raw = nickChanged && doc.userName === previous.userName ? doc.nickName : (doc.userName ?? doc.nickName);
  if (raw == null) throw badRequest("username_required");
  const userName = normaliseUserName(raw);
  if (userName === "") throw badRequest("username_empty");
  if (userName.length > MAX_USERNAME) throw badRequest("username_too_long");
  return userName;
}

function parseEnterprise(doc: UserDoc, resolveManager: (ref: string) => string | undefined): EnterpriseFields {
  const ext = doc[ENTERPRISE_URN];
  if (!ext) return {};
  const { manager, employeeNumber, costCenter, organization, division, department } = ext;
  const fields: EnterpriseFields = {
    employeeNumber,
    costCenter,
    organization,
    division,
    department,
  } as EnterpriseFields;
  if (manager && manager.managerId == null && Object.keys(manager).some((k) => k !== "managerId")) {
    throw badRequest("improper_enterprise_schema_format");
  }
  if (manager?.managerId) {
    const id = resolveManager(manager.managerId);
    if (!id) throw badRequest("unknown_user");
    fields.managerId = id;
  }
  for (const key of Object.keys(fields) as (keyof EnterpriseFields)[]) if (fields[key] == null) delete fields[key];
  return fields;
}

/**
 * Validate a user document with Slack's rules. `previous` is set for PUT/PATCH: then `externalId` cannot change,
 * a password is refused and removing every email is `missing_primary_email`.
 */
export function parseUser(
  body: unknown,
  resolveManager: (ref: string) => string | undefined,
  previous?: UserRecord,
): UserFields {
  const parsed = UserDoc.safeParse(body);
  if (!parsed.success)
    throw badRequest(
      body && typeof body === "object" && "schemas" in body ? "invalid_attribute_format" : "missing_schema_element",
    );
  const doc = parsed.data;
  if (!doc.schemas.includes(USER_URN)) throw badRequest("missing_schema_element");
  if (previous && doc.password != null) throw badRequest("password_change_not_allowed");
  const userName = parseUserName(doc, previous);
  if (!doc.emails || doc.emails.length === 0) throw badRequest(previous ? "missing_primary_email" : "email_empty");
  const emails = pickEmails(doc.emails);
  const displayName = doc.displayName || userName;
  if (displayName.length > MAX_DISPLAY_NAME) throw badRequest("invalid_display_name");
  if (displayName.startsWith("@")) throw badRequest("invalid_starts_with_at");
  if (EMOJI.test(displayName)) throw badRequest("invalid_emoji_not_allowed");
  const active = doc.active === undefined ? (previous?.active ?? true) : isTrue(doc.active);
  if (previous?.primaryOwner && !active) throw forbidden("cannot_disable_primary_owner");
  return {
    externalId: previous ? previous.externalId : (doc.externalId ?? ""),
    userName,
    displayName,
    givenName: doc.name?.givenName ?? "",
    familyName: doc.name?.familyName ?? "",
    title: doc.title ?? "",
    active,
    primaryEmail: emails.primary,
    ...(emails.secondary ? { secondaryEmail: emails.secondary } : {}),
    enterprise: parseEnterprise(doc, resolveManager),
  };
}

/** The v2 response shape of app-apis.md §1.3, with the fields Slack does not store left at their defaults. */
export function renderUser(u: UserRecord, groups: GroupRecord[], base: string) {
  const emails = [{ value: u.primaryEmail, primary: true }];
  if (u.secondaryEmail) emails.push({ value: u.secondaryEmail, primary: false });
  const { managerId, ...enterprise } = u.enterprise;
  return {
    schemas: [USER_URN, ENTERPRISE_URN, SLACK_PROFILE_URN],
    id: u.id,
    externalId: u.externalId,
    meta: { created: u.created, lastModified: u.lastModified, location: `${base}/Users/${u.id}` },
    userName: u.userName,
    nickName: u.userName,
    name: { givenName: u.givenName, familyName: u.familyName },
    displayName: u.displayName,
    profileUrl: `${base.replace(/\/scim\/v2$/, "")}/team/${u.userName}`,
    title: u.title,
    timezone: "America/Los_Angeles",
    active: u.active,
    emails,
    photos: [],
    userType: null,
    roles: [],
    preferredLanguage: null,
    locale: "en-US",
    [ENTERPRISE_URN]: { ...enterprise, manager: { managerId: managerId ?? null } },
    [SLACK_PROFILE_URN]: {},
    groups: groups.map((g) => ({ value: g.id, display: g.displayName })),
  };
}
