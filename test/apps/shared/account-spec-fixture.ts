import type { AccountSpec } from "../../../provider/access/account-spec";

/** A happy-path account spec every app's tests start from; tests change one thing at a time. */
export function happySpec(employeeId: string, options: { domain?: string; givenName?: string } = {}): AccountSpec {
  const { domain = "example.com", givenName = "Ada" } = options;
  const local = `user.${employeeId.toLowerCase()}`;
  return {
    employeeId,
    userName: local,
    email: `${local}@${domain}`,
    givenName,
    familyName: `Person${employeeId}`,
    displayName: `${givenName} Person${employeeId}`,
    title: "Engineer",
    department: "R&D",
    costCenter: "CC42",
    employmentType: "employee",
    enabled: true,
    lifecycle: "active",
    groups: [],
    admin: false,
    grants: [],
    approvals: [],
  };
}
