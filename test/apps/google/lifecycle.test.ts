import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { googleAccountProvider, GoogleAccountActiveError } from "../../../provider/apps/google";
import { strict } from "./strict";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

const p = strict(googleAccountProvider);
let h: GoogleHarness;
beforeAll(async () => {
  h = await startGoogleHarness({}, { orgUnits: { "R&D": "/Engineering/RnD" } });
});
afterAll(() => h.emulator.stop());

describe("GoogleAccount lifecycle", () => {
  it("creates a user with a generated password that must be changed, in the department's org unit", async () => {
    const created = await p.create(spec("E100"));
    const stored = h.emulator.control.user(created.id)!;
    expect(stored.resource).toMatchObject({
      primaryEmail: "user.e100@example.com",
      changePasswordAtNextLogin: true,
      suspended: false,
      orgUnitPath: "/Engineering/RnD",
      externalIds: [{ value: "E100", type: "organization" }],
      organizations: [{ title: "Engineer", department: "R&D", costCenter: "CC42", primary: true }],
    });
    expect(created.outs.initialPassword).toMatch(/^.{20}$/);
    expect(created.outs).toMatchObject({ googleId: created.id, adopted: false, orgUnitPath: "/Engineering/RnD" });
  });

  it("reads back what Google holds and returns an empty id once the user is gone", async () => {
    const created = await p.create(spec("E101"));
    const read = await p.read(created.id, created.outs);
    expect(read.props).toMatchObject({
      email: "user.e101@example.com",
      enabled: true,
      title: "Engineer",
      admin: false,
    });
    await p.update(created.id, created.outs, spec("E101", { enabled: false, lifecycle: "terminated" }));
    await p.delete(created.id, { ...created.outs, enabled: false });
    expect((await p.read(created.id, created.outs)).id).toBe("");
  });

  it("renames in place: an email change is an update, never a replace, and the old address stays an alias", async () => {
    const created = await p.create(spec("E102"));
    const renamed = spec("E102", { email: "ada.renamed@example.com", familyName: "Renamed" });
    expect(await p.diff(created.id, created.outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await p.update(created.id, created.outs, renamed);
    expect(outs).toMatchObject({ email: "ada.renamed@example.com", googleId: created.id });
    expect(h.emulator.control.user(created.id)!.resource.aliases).toContain("user.e102@example.com");
  });

  it("disables by suspending and signing the user out everywhere (the kill switch)", async () => {
    const created = await p.create(spec("E103"));
    await p.update(created.id, created.outs, spec("E103", { enabled: false, lifecycle: "terminated" }));
    const stored = h.emulator.control.user(created.id)!;
    expect(stored.resource).toMatchObject({ suspended: true, suspensionReason: "ADMIN" });
    expect(stored.signOuts).toHaveLength(1);
  });

  it("refuses to delete an active account and says Google keeps deleted users 20 days", async () => {
    const created = await p.create(spec("E104"));
    const refusal = p.delete(created.id, created.outs);
    await expect(refusal).rejects.toBeInstanceOf(GoogleAccountActiveError);
    await expect(p.delete(created.id, created.outs)).rejects.toThrow(/20 days/);
    expect(h.emulator.control.user(created.id)).toBeDefined();
  });

  it("deletes a suspended account into the 20-day restore window, and a second delete succeeds", async () => {
    const created = await p.create(spec("E105", { enabled: false, lifecycle: "pre-hire" }));
    expect(h.emulator.control.user(created.id)!.resource.suspended).toBe(true);
    await p.delete(created.id, created.outs);
    expect(h.emulator.control.deletedUser(created.id)?.resource.deletionTime).toBeDefined();
    await expect(p.delete(created.id, created.outs)).resolves.toBeUndefined();
  });

  it("grants and revokes admin through makeAdmin (insert and update ignore isAdmin)", async () => {
    const created = await p.create(spec("E106", { admin: true }));
    expect(h.emulator.control.user(created.id)!.resource.isAdmin).toBe(true);
    const { outs } = await p.update(created.id, created.outs, spec("E106", { admin: false }));
    expect(h.emulator.control.user(created.id)!.resource.isAdmin).toBe(false);
    expect(outs.admin).toBe(false);
  });

  it("check returns bad inputs as failures", async () => {
    const { failures } = await p.check({} as never, { ...spec("E107"), enabled: "yes" } as never);
    expect(failures).toEqual([expect.objectContaining({ property: "enabled" })]);
  });
});
