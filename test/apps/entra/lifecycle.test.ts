import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EntraAccountActiveError, entraAccountProvider } from "../../../provider/apps/entra";
import { strict } from "../google/strict";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

const p = strict(entraAccountProvider);
let h: EntraHarness;
beforeAll(async () => {
  h = await startEntraHarness();
});
afterAll(() => h.emulator.stop());

describe("EntraAccount lifecycle", () => {
  it("creates an enabled user with HR fields and a first password that must be changed", async () => {
    const created = await p.create(spec("E200", { hireDate: "2026-03-01", endDate: "2026-12-31" }));
    expect(h.emulator.control.object(created.id)!.resource).toMatchObject({
      userPrincipalName: "user.e200@example.com",
      mailNickname: "user.e200",
      accountEnabled: true,
      employeeId: "E200",
      department: "R&D",
      jobTitle: "Engineer",
      employeeOrgData: { costCenter: "CC42", division: null },
      employeeHireDate: "2026-03-01T00:00:00Z",
      employeeLeaveDateTime: "2026-12-31T00:00:00Z",
      passwordProfile: { forceChangePasswordNextSignIn: true, password: null },
    });
    expect(created.outs.initialPassword).toMatch(/^.{20}$/);
    expect(created.outs).toMatchObject({ entraId: created.id, adopted: false });
  });

  it("reads back what Graph holds, and an empty id once the user is gone", async () => {
    const created = await p.create(spec("E201"));
    expect((await p.read(created.id, created.outs)).props).toMatchObject({
      enabled: true,
      title: "Engineer",
      costCenter: "CC42",
    });
    const disabled = await p.update(
      created.id,
      created.outs,
      spec("E201", { enabled: false, lifecycle: "terminated" }),
    );
    await p.delete(created.id, disabled.outs);
    expect((await p.read(created.id, created.outs)).id).toBe("");
    await expect(p.delete(created.id, disabled.outs)).resolves.toBeUndefined();
  });

  it("disables with accountEnabled=false and revokes sign-in sessions (the kill switch)", async () => {
    const created = await p.create(spec("E202"));
    const before = String(h.emulator.control.object(created.id)!.resource.signInSessionsValidFromDateTime);
    await new Promise((r) => setTimeout(r, 5));
    await p.update(created.id, created.outs, spec("E202", { enabled: false, lifecycle: "terminated" }));
    const after = h.emulator.control.object(created.id)!.resource;
    expect(after.accountEnabled).toBe(false);
    expect(Date.parse(String(after.signInSessionsValidFromDateTime))).toBeGreaterThan(Date.parse(before));
  });

  it("refuses to delete an enabled account and names the 30-day restore window", async () => {
    const created = await p.create(spec("E203"));
    await expect(p.delete(created.id, created.outs)).rejects.toBeInstanceOf(EntraAccountActiveError);
    await expect(p.delete(created.id, created.outs)).rejects.toThrow(/30 days/);
  });

  it("soft-deletes into deleted items", async () => {
    const created = await p.create(spec("E204", { enabled: false, lifecycle: "pre-hire" }));
    await p.delete(created.id, created.outs);
    expect(h.emulator.control.object(created.id)!.deletedAt).toBeDefined();
  });

  it("renames in place: a UPN change is an update, never a replace", async () => {
    const created = await p.create(spec("E205"));
    const renamed = spec("E205", { userName: "grace.renamed@example.com" });
    expect(await p.diff(created.id, created.outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await p.update(created.id, created.outs, renamed);
    expect(outs).toMatchObject({ userPrincipalName: "grace.renamed@example.com", entraId: created.id });
    expect(h.emulator.control.object("grace.renamed@example.com")!.resource.id).toBe(created.id);
  });

  it("check rejects an employee id longer than Entra's 16 characters", async () => {
    const { failures } = await p.check({} as never, spec("E".repeat(17)));
    expect(failures).toEqual([expect.objectContaining({ property: "employeeId" })]);
  });
});
