/**
 * Pure mappers between the AccountSpec and Slack's SCIM user, built on the generic SCIM mappers with Slack's
 * rules on top: the username normalised as Slack stores it, `externalId` never sent on update (Slack cannot
 * change it), the primary email replaced in place (a path-less `emails` replace would drop the secondary one),
 * no `userType` and no manager (Slack resolves managers by its own ids; idlc does not manage them here).
 */
import type { AccountSpec } from "../../access/account-spec";
// From the scim modules, not its index: the index also exports the SCIM providers, which closure serialization
// would copy into every Slack resource's state (about 45 KB each).
import type { PatchOperation, ScimUser } from "../scim/client";
import { toScimUser, toUserPatch, type ScimAccountInputs } from "../scim/mapping";
import { SlackIdentityTakenError } from "./errors";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/** Slack's `userType` is not an employment type. */
const SLACK_MAPPING = { userType: null };
/** Slack documents 21 characters (app-apis.md §1.3). */
export const SLACK_MAX_USERNAME = 21;

export interface SlackAccountOutputs extends AccountSpec {
  slackId: string;
  /** The username as Slack stores it. */
  slackUserName: string;
  /** True when create found the user in Slack (by email or username) instead of creating it. */
  adopted: boolean;
  /** `meta.created`: bounds the read-after-write 404 retry. */
  created?: string;
  /** Slack ids of the groups in `groups`, by name. */
  groupIds: Record<string, string>;
}
export const ACCOUNT_OUTPUTS = ["slackId", "slackUserName", "adopted", "created", "groupIds"] as const;

/** Slack's rule: lower case; `.`, `_`, `-`, letters and digits kept, anything else `_`; an email becomes its local part. */
export function slackUserName(raw: string): string {
  const at = raw.indexOf("@");
  return (at >= 0 ? raw.slice(0, at) : raw)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "_");
}

const asScim = (spec: AccountSpec): ScimAccountInputs => ({
  ...spec,
  instance: "slack",
  userName: slackUserName(spec.userName),
});

/** The POST body: externalId = employee id, one primary work email, `active` = enabled. */
export function toSlackUser(spec: AccountSpec): Record<string, unknown> {
  return toScimUser(asScim(spec), SLACK_MAPPING);
}

/** One PATCH bringing a user in line with `spec`; `previous` (the last applied spec) adds removes of cleared fields. */
export function toSlackPatch(spec: AccountSpec, previous?: AccountSpec): PatchOperation[] {
  const ops = toUserPatch(asScim(spec), SLACK_MAPPING, undefined, previous && asScim(previous));
  const slackOps = ops
    .filter((op) => op.path !== "emails" && !op.path?.endsWith(":manager"))
    .map((op) => {
      if (op.path !== undefined) return op;
      const { externalId: _externalId, emails: _emails, ...value } = op.value as Record<string, unknown>;
      return { ...op, value };
    });
  if (!previous || previous.email.toLowerCase() !== spec.email.toLowerCase()) {
    slackOps.push({ op: "replace", path: "emails[primary eq true].value", value: spec.email });
  }
  return slackOps;
}

/** What Slack shows of an account over the last outputs. Groups are the managed ones the user is still in. */
export function fromSlackUser(user: ScimUser, olds: SlackAccountOutputs): SlackAccountOutputs {
  const primary = (user.emails?.find((e) => e.primary) ?? user.emails?.[0])?.value ?? "";
  const enterprise = user[ENTERPRISE] ?? {};
  const memberOf = new Set((user.groups ?? []).map((g) => g.value));
  const groups = olds.groups.filter((name) => memberOf.has(olds.groupIds[name] ?? ""));
  const optional = (value: string | undefined) => (value ? value : undefined);
  return {
    ...olds,
    slackId: user.id,
    slackUserName: user.userName,
    userName: slackUserName(olds.userName) === user.userName ? olds.userName : user.userName,
    email: primary.toLowerCase() === olds.email.toLowerCase() ? olds.email : primary,
    givenName: user.name?.givenName ?? "",
    familyName: user.name?.familyName ?? "",
    displayName: user.displayName ?? "",
    title: optional(user.title),
    department: optional(enterprise.department),
    costCenter: optional(enterprise.costCenter),
    enabled: user.active !== false,
    groups,
    groupIds: Object.fromEntries(groups.map((name) => [name, olds.groupIds[name]!])),
    created: user.meta?.created ?? olds.created,
  };
}

/**
 * The user to adopt among lookup results: the one holding the email (Slack's identity), else the one with the
 * username. A user that carries another employee's id is never adopted: that is a clear error.
 * @throws SlackIdentityTakenError
 */
export function pickExisting(found: ScimUser[], spec: AccountSpec): ScimUser | undefined {
  const email = spec.email.toLowerCase();
  const userName = slackUserName(spec.userName);
  const byEmail = found.find((u) => u.emails?.some((e) => e.value.toLowerCase() === email));
  const byName = found.find((u) => u.userName === userName);
  for (const [what, user, value] of [
    ["email", byEmail, spec.email],
    ["username", byName, userName],
  ] as const) {
    if (user?.externalId && user.externalId !== spec.employeeId)
      throw new SlackIdentityTakenError(spec.employeeId, what, value, user);
  }
  return byEmail ?? byName;
}
