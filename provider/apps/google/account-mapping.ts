import type { AccountSpec } from "../../access/account-spec";
import type { GoogleUser } from "./client";
import type { GoogleSettings } from "./settings";

/** What a GoogleAccount resource records: the spec as it stands in Google, plus Google's own facts. */
export type GoogleAccountOutputs = AccountSpec & {
  /** The immutable user id (also the resource id). */
  googleId: string;
  orgUnitPath: string;
  /** Set only when this program created the user: the first password, which Google forces to be changed. */
  initialPassword?: string;
  /** True when create found the user already in Google instead of inserting it. */
  adopted: boolean;
  /** When this program created the user (absent when adopted): a refresh soon after rides out replica lag. */
  createdAt?: string;
};

/** A user created in the last few minutes may still 404 on another replica: read confirms "gone" patiently. */
export function recentlyCreated(outs: { createdAt?: string }, now = Date.now()): boolean {
  return outs.createdAt !== undefined && now - Date.parse(outs.createdAt) < 5 * 60_000;
}

/** A group name from the roles files as its Google address (names without a domain live in the account's). */
export function groupEmail(name: string, domain: string): string {
  return (name.includes("@") ? name : `${name}@${domain}`).toLowerCase();
}

/** The org unit for a person: the department's mapped unit, else the default. */
export function orgUnitFor(
  spec: Pick<AccountSpec, "department">,
  settings: Pick<GoogleSettings, "orgUnits" | "defaultOrgUnit">,
): string {
  return (spec.department !== undefined && settings.orgUnits[spec.department]) || settings.defaultOrgUnit;
}

/**
 * The users.update body for a spec. Sent with PUT, so the lists are replaced whole: an empty `relations` clears a
 * manager, which a patch could not. `isAdmin` is absent on purpose (insert/update ignore it; makeAdmin sets it).
 */
export function googleUserBody(
  spec: AccountSpec,
  refs: { managerEmail?: string; orgUnitPath: string },
): Record<string, unknown> {
  const organization = Object.fromEntries(
    Object.entries({ title: spec.title, department: spec.department, costCenter: spec.costCenter }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return {
    primaryEmail: spec.email,
    name: { givenName: spec.givenName, familyName: spec.familyName, displayName: spec.displayName },
    suspended: !spec.enabled,
    orgUnitPath: refs.orgUnitPath,
    externalIds: [{ value: spec.employeeId, type: "organization" }],
    relations: refs.managerEmail ? [{ value: refs.managerEmail, type: "manager" }] : [],
    organizations: Object.keys(organization).length ? [{ ...organization, primary: true, type: "work" }] : [],
  };
}

/** The employee id Google holds for a user (the `organization` external id). */
export function employeeIdOf(user: GoogleUser): string | undefined {
  return user.externalIds?.find((e) => e.type === "organization")?.value;
}

export function managerEmailOf(user: GoogleUser): string | undefined {
  return user.relations?.find((r) => r.type === "manager")?.value;
}

/** The spec fields as Google has them now, for read (drift shows up as a diff against the inputs). */
export function observedSpec(
  user: GoogleUser,
  managerEmployeeId: string | undefined,
): Partial<AccountSpec> & { orgUnitPath: string } {
  const org = user.organizations?.find((o) => o.primary) ?? user.organizations?.[0];
  return {
    email: user.primaryEmail,
    givenName: user.name.givenName ?? "",
    familyName: user.name.familyName ?? "",
    displayName: user.name.displayName ?? user.name.fullName ?? "",
    title: org?.title,
    department: org?.department,
    costCenter: org?.costCenter,
    enabled: user.suspended !== true,
    admin: user.isAdmin === true,
    managerEmployeeId,
    orgUnitPath: user.orgUnitPath ?? "/",
  };
}
