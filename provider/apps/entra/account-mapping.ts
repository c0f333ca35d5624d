import type { AccountSpec } from "../../access/account-spec";
import type { EntraUser } from "./client";

/** EntraAccount inputs: the AccountSpec plus an optional hire date (employeeHireDate, an LCW trigger). */
export type EntraAccountInputs = AccountSpec & { hireDate?: string };

/** What an EntraAccount resource records: the spec as it stands in Entra, plus Graph's own facts. */
export type EntraAccountOutputs = EntraAccountInputs & {
  /** The object id (also the resource id). */
  entraId: string;
  userPrincipalName: string;
  /** Set only when this program created the user: the first password, to be changed at first sign-in. */
  initialPassword?: string;
  adopted: boolean;
  /** When this program created the user (absent when adopted): a refresh soon after rides out replica lag. */
  createdAt?: string;
};

/** A user created in the last few minutes may still 404 on another replica: read confirms "gone" patiently. */
export function recentlyCreated(outs: { createdAt?: string }, now = Date.now()): boolean {
  return outs.createdAt !== undefined && now - Date.parse(outs.createdAt) < 5 * 60_000;
}

/** `userName` as a UPN: kept when it has a domain, else placed in the configured verified domain. */
export function upnOf(spec: Pick<AccountSpec, "userName">, domain: string): string {
  return spec.userName.includes("@") ? spec.userName : `${spec.userName}@${domain}`;
}

const dateTime = (date: string | undefined): string | null =>
  date ? (date.includes("T") ? date : `${date}T00:00:00Z`) : null;

/**
 * The POST/PATCH body for a spec. `null` clears a property on PATCH. employeeLeaveDateTime needs an extra
 * permission (User-LifeCycleInfo.ReadWrite.All), so it is sent only when there is a date or one to clear.
 */
export function entraUserBody(
  spec: EntraAccountInputs,
  upn: string,
  previous?: { endDate?: string; hireDate?: string },
): Record<string, unknown> {
  return {
    accountEnabled: spec.enabled,
    displayName: spec.displayName,
    givenName: spec.givenName || null,
    surname: spec.familyName || null,
    userPrincipalName: upn,
    mailNickname: upn.split("@")[0],
    employeeId: spec.employeeId,
    employeeType: spec.employmentType,
    department: spec.department ?? null,
    jobTitle: spec.title ?? null,
    officeLocation: spec.location ?? null,
    employeeOrgData: { division: null, costCenter: spec.costCenter ?? null },
    ...(spec.hireDate || previous?.hireDate ? { employeeHireDate: dateTime(spec.hireDate) } : {}),
    ...(spec.endDate || previous?.endDate ? { employeeLeaveDateTime: dateTime(spec.endDate) } : {}),
  };
}

/** The spec fields as Entra has them now, for read (drift shows up as a diff against the inputs). */
export function observedSpec(user: EntraUser): Partial<EntraAccountOutputs> {
  return {
    userPrincipalName: user.userPrincipalName,
    enabled: user.accountEnabled !== false,
    displayName: user.displayName ?? "",
    givenName: user.givenName ?? "",
    familyName: user.surname ?? "",
    title: user.jobTitle ?? undefined,
    department: user.department ?? undefined,
    location: user.officeLocation ?? undefined,
    costCenter: user.employeeOrgData?.costCenter ?? undefined,
    managerEmployeeId: user.manager?.employeeId ?? undefined,
  };
}
