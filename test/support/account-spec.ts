import type { AccountSpec, GroupSpec } from "../../provider/access/account-spec";

/** A valid active employee's AccountSpec; each test changes what it is about. */
export function accountSpec(employeeId: string, overrides: Partial<AccountSpec> = {}): AccountSpec {
  const userName = overrides.userName ?? `${employeeId.toLowerCase()}@example.com`;
  return {
    employeeId,
    userName,
    email: userName,
    givenName: "Ada",
    familyName: "Lovelace",
    displayName: "Ada Lovelace",
    title: "Engineer",
    department: "R&D",
    employmentType: "employee",
    enabled: true,
    lifecycle: "active",
    groups: [],
    admin: false,
    grants: [{ entitlement: "account", roleIds: ["employee"] }],
    approvals: [],
    ...overrides,
  };
}

export function groupSpec(name: string, overrides: Partial<GroupSpec> = {}): GroupSpec {
  return {
    name,
    displayName: name.replace(/(^|-)(\w)/g, (_m, sep: string, c: string) => (sep ? " " : "") + c.toUpperCase()),
    privileged: false,
    roleIds: [],
    ...overrides,
  };
}
