import { describe, expect, it } from "vitest";
import { person, plan } from "./people";

const roles = `
roles:
  - { id: staff, entitlements: { slack: { groups: [everyone] } } }
  - { id: dba, privileged: true, entitlements: { slack: { groups: [prod-db], admin: true } } }
rules:
  - { id: all, birthright: true, roles: [staff] }
`;
const spec = (p: ReturnType<typeof plan>, id: string) => p.people.find((x) => x.employeeId === id)!.accounts[0]!.spec;

describe("facts on each account that policies and audit read", () => {
  it("marks admin and privileged-group grants as privileged, and nothing else", () => {
    const p = plan([person("E1", { roles: ["dba"] })], roles, {
      approvals: [{ roleId: "dba", employeeId: "E1", approver: "cto", ticket: "SEC-1", date: "2026-05-01" }] as never,
    });
    expect(spec(p, "E1").grants).toEqual([
      { entitlement: "account", roleIds: ["dba", "staff"] },
      { entitlement: "admin", roleIds: ["dba"], privileged: true },
      { entitlement: "group:everyone", roleIds: ["staff"] },
      { entitlement: "group:prod-db", roleIds: ["dba"], privileged: true },
    ]);
  });
  it("dates the current lifecycle state: hire day when active, leaving day when terminated", () => {
    const p = plan(
      [
        person("E1", { hireDate: "2024-03-04" }),
        person("E2", { status: "terminated", terminationDate: "2026-05-20" }),
        person("E3", {
          status: "terminated",
          terminationDate: "2026-05-25",
          endDate: "2026-05-22",
          employmentType: "contractor",
        }),
      ],
      roles,
    );
    expect(["E1", "E2", "E3"].map((id) => spec(p, id).lifecycleSince)).toEqual([
      "2024-03-04",
      "2026-05-20",
      "2026-05-22",
    ]);
  });
});
