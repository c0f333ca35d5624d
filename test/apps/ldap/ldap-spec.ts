/**
 * Plain builders shared by the LDAP tests and their child-process scripts (no vitest imports here).
 */
import type { AccountSpec, GroupSpec } from "../../../provider/access/account-spec";
import type { LdapSettings } from "../../../provider/apps/ldap";

export function configRequest(settings: Partial<LdapSettings> & Record<string, unknown>) {
  return { config: { get: (key: string) => (key === "identity:ldap" ? JSON.stringify(settings) : undefined) } };
}

export function accountSpec(overrides: Partial<AccountSpec> = {}): AccountSpec {
  return {
    employeeId: "E1001",
    userName: "jdoe",
    email: "jane.doe@example.com",
    givenName: "Jane",
    familyName: "Doe",
    displayName: "Jane Doe",
    title: "Engineer",
    department: "Payments",
    employmentType: "employee",
    enabled: true,
    lifecycle: "active",
    groups: [],
    admin: false,
    grants: [{ entitlement: "account", roleIds: ["staff"] }],
    approvals: [],
    ...overrides,
  };
}

export function groupSpec(name: string, overrides: Partial<GroupSpec> = {}): GroupSpec {
  return { name, displayName: name, description: `${name} group`, privileged: false, roleIds: ["staff"], ...overrides };
}
