import { describe, expect, it } from "vitest";
import { maxAdminsPerApp, privilegedAccessApproval } from "../../policies/rules/privileged-access";
import { accountResource, happyAccount, runResourcePolicy, runStackPolicy, unknown } from "./util";

const asOf = "2026-11-25";
const admin = (approvals: unknown[]) =>
  happyAccount({
    admin: true,
    grants: [{ entitlement: "admin", roleIds: ["it-admin"] }],
    approvals: approvals as never,
  });
const approval = { roleId: "it-admin", approver: "cto@example.com", ticket: "SEC-42", date: "2026-10-01" };

describe("#privilegedAccessApproval", () => {
  it("passes an admin with a fresh approval", async () => {
    expect(await runResourcePolicy(privilegedAccessApproval, admin([approval]), { config: { asOf } })).toEqual({
      violations: [],
    });
  });
  it("requires an approval for the admin role", async () => {
    const { violations } = await runResourcePolicy(privilegedAccessApproval, admin([]), { config: { asOf } });
    expect(violations).toEqual([
      expect.stringContaining("must have an approval (approver, ticket, date) for privileged role 'it-admin'"),
    ]);
  });
  it("rejects an approval without a ticket", async () => {
    const { violations } = await runResourcePolicy(privilegedAccessApproval, admin([{ ...approval, ticket: "" }]), {
      config: { asOf },
    });
    expect(violations).toHaveLength(1);
  });
  it("rejects an approval older than the configured age", async () => {
    const { violations } = await runResourcePolicy(
      privilegedAccessApproval,
      admin([{ ...approval, date: "2025-01-01" }]),
      { config: { asOf } },
    );
    expect(violations).toEqual([expect.stringContaining("ticket SEC-42 of 2025-01-01 is older than 365 days")]);
  });
  it("treats a group grant marked privileged like admin", async () => {
    const props = happyAccount({ grants: [{ entitlement: "group:prod-db", roleIds: ["dba"], privileged: true }] });
    expect((await runResourcePolicy(privilegedAccessApproval, props, { config: { asOf } })).violations).toEqual([
      expect.stringContaining("'dba'"),
    ]);
  });
  it("is not applicable to a disabled account or a non-privileged one", async () => {
    expect(
      (await runResourcePolicy(privilegedAccessApproval, { ...admin([]), enabled: false }, { config: { asOf } }))
        .violations,
    ).toEqual([]);
    expect(
      (await runResourcePolicy(privilegedAccessApproval, happyAccount(), { config: { asOf } })).violations,
    ).toEqual([]);
  });
  it("cannot judge an unknown enabled flag during preview", async () => {
    expect(
      (await runResourcePolicy(privilegedAccessApproval, { ...admin([]), enabled: unknown.boolean })).unknown,
    ).toBeDefined();
  });
});

describe("#maxAdminsPerApp", () => {
  const admins = (n: number, app = "slack") =>
    Array.from({ length: n }, (_, i) =>
      accountResource(app, happyAccount({ employeeId: `E${i}`, displayName: `Admin ${i}`, admin: true })),
    );
  it("passes at the maximum", async () => {
    expect((await runStackPolicy(maxAdminsPerApp, admins(2), { maxAdminsPerApp: 2 })).violations).toEqual([]);
  });
  it("reports the app and every admin above the maximum", async () => {
    const { violations } = await runStackPolicy(maxAdminsPerApp, [...admins(3), ...admins(1, "google")], {
      maxAdminsPerApp: 2,
    });
    expect(violations).toEqual([
      expect.stringContaining(
        "slack must have at most 2 admins but would have 3 (Admin 0 (E0), Admin 1 (E1), Admin 2 (E2))",
      ),
    ]);
  });
  it("does not count disabled admins", async () => {
    const list = admins(3);
    list[0].props.enabled = false;
    expect((await runStackPolicy(maxAdminsPerApp, list, { maxAdminsPerApp: 2 })).violations).toEqual([]);
  });
});

describe("#maxAdminsPerApp during preview", () => {
  it("is not applicable to stacks without accounts, and cannot judge an unknown admin flag", async () => {
    expect(
      (await runStackPolicy(maxAdminsPerApp, [{ type: "pulumi:pulumi:Stack", name: "s", props: {} }])).violations,
    ).toEqual([]);
    expect(
      (await runStackPolicy(maxAdminsPerApp, [accountResource("slack", happyAccount({ admin: unknown.boolean }))]))
        .unknown,
    ).toBeDefined();
  });
});
