/**
 * What a change to each account field does in each app, declared once. Every account provider diffs and
 * updates through this table, so the apps cannot drift apart, and a field added to `AccountSpec` without a
 * row here fails the typecheck (`satisfies`) and test/apps/shared/account-fields.test.ts.
 *
 * - `app`: the update calls the app (and the preview shows it as an update);
 * - `record`: the state is updated — policies and the audit read it — with no call to the app;
 * - `replace`: the resource is replaced (only identities the app cannot change in place);
 * - `mapped`: SCIM only — `app` when the instance's `attributeMapping` sends the field, else `record`.
 *
 * Every field is compared, record-only ones too: otherwise the state would keep a stale audit value.
 */
import type { AccountSpec, AppName } from "../../access/account-spec";

export type FieldOutcome = "app" | "record" | "replace" | "mapped";
type Row = Readonly<Record<AppName, FieldOutcome>>;

const row = (
  entra: FieldOutcome,
  google: FieldOutcome,
  slack: FieldOutcome,
  scim: FieldOutcome,
  ldap: FieldOutcome,
): Row => ({ entra, google, slack, scim, ldap });

export const ACCOUNT_FIELD_OUTCOMES = {
  //                       entra     google    slack      scim       ldap
  employeeId: row("app", "app", "replace", "app", "replace"),
  instance: row("record", "record", "record", "replace", "record"),
  // Google's address is `email`; Entra's UPN is `userName` (Graph's `mail` follows the mailbox, not us).
  userName: row("app", "record", "app", "mapped", "app"),
  email: row("record", "app", "app", "app", "app"),
  givenName: row("app", "app", "app", "app", "app"),
  familyName: row("app", "app", "app", "app", "app"),
  displayName: row("app", "app", "app", "mapped", "app"),
  title: row("app", "app", "app", "mapped", "app"),
  department: row("app", "app", "app", "mapped", "app"),
  costCenter: row("app", "app", "app", "mapped", "record"),
  location: row("app", "record", "record", "mapped", "record"),
  // Slack resolves managers by its own ids; idlc does not set them there.
  managerEmployeeId: row("app", "app", "record", "app", "app"),
  employmentType: row("app", "record", "record", "mapped", "record"),
  enabled: row("app", "app", "app", "app", "app"),
  // Entra and Google end open sessions when a person becomes terminated; elsewhere `enabled` carries it.
  lifecycle: row("app", "app", "record", "record", "record"),
  groups: row("app", "app", "app", "app", "app"),
  // Slack's SCIM API cannot grant admin (check refuses it); SCIM and LDAP have no admin flag.
  admin: row("app", "app", "record", "record", "record"),
  license: row("record", "record", "record", "record", "record"),
  grants: row("record", "record", "record", "record", "record"),
  approvals: row("record", "record", "record", "record", "record"),
  // Entra's employeeLeaveDateTime.
  endDate: row("app", "record", "record", "record", "record"),
  lifecycleSince: row("record", "record", "record", "record", "record"),
  revokedOn: row("record", "record", "record", "record", "record"),
  exception: row("record", "record", "record", "record", "record"),
} as const satisfies Record<keyof AccountSpec, Row>;

/** Inputs one app adds to the AccountSpec (EntraAccount's hire date: employeeHireDate, a lifecycle trigger). */
export const APP_EXTRA_FIELDS: Readonly<Record<AppName, Readonly<Record<string, FieldOutcome>>>> = {
  entra: { hireDate: "app" },
  google: {},
  slack: {},
  scim: {},
  ldap: {},
};

/** Every input field of an app's account resource with its outcome there. */
export function accountFieldOutcomes(app: AppName): Readonly<Record<string, FieldOutcome>> {
  const outcomes: Record<string, FieldOutcome> = {};
  for (const [field, byApp] of Object.entries(ACCOUNT_FIELD_OUTCOMES)) outcomes[field] = byApp[app];
  return { ...outcomes, ...APP_EXTRA_FIELDS[app] };
}

/** Resolves `mapped` for one SCIM instance; other apps never declare it. */
export type MappedField = (field: string) => boolean;

/** The outcome of changing `field` in `app`, `mapped` resolved; `record` for a field the app does not know. */
export function fieldOutcome(
  app: AppName,
  field: string,
  mapped: MappedField = () => false,
): Exclude<FieldOutcome, "mapped"> {
  const outcome = accountFieldOutcomes(app)[field] ?? "record";
  return outcome === "mapped" ? (mapped(field) ? "app" : "record") : outcome;
}
