/**
 * Google as a password authority against the Directory API emulator: users.update sets the password the person
 * chose (the emulator holds exactly that one afterwards), honours a forced change, and Google's own policy
 * refusal reads as the portal's one "refused under its own rules" message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  googleAccountProvider,
  googleSettingsSchema,
  type GoogleAccountOutputs,
  type GoogleSettings,
} from "../../provider/apps/google";
import { googleTarget, TargetRefusal } from "../../provider/sspr";
import { spec, startGoogleHarness, type GoogleHarness } from "../apps/google/harness";
import { subject } from "./fixtures";

let h: GoogleHarness;
let settings: GoogleSettings;
let account: { id: string; outs: GoogleAccountOutputs };

beforeAll(async () => {
  h = await startGoogleHarness();
  settings = googleSettingsSchema(z).parse(JSON.parse(h.config.get("identity:google")!)) as GoogleSettings;
  const created = await googleAccountProvider.create!(spec("E4001"));
  account = { id: created.id, outs: created.outs as GoogleAccountOutputs };
});
afterAll(async () => h?.emulator.stop());

describe("sspr google target", () => {
  const person = subject({ employeeId: "E4001" });
  const CHOSEN = "Orbit kettle marmalade lantern";

  it("sets the chosen password with users.update: the new one is held, the initial one no longer", async () => {
    expect(account.outs.initialPassword).toBeDefined();
    expect(h.emulator.control.passwordMatches(account.id, account.outs.initialPassword!)).toBe(true);
    await googleTarget(settings).setPassword(person, CHOSEN, { forceChange: false });
    expect(h.emulator.control.passwordMatches(account.id, CHOSEN)).toBe(true);
    expect(h.emulator.control.passwordMatches(account.id, account.outs.initialPassword!)).toBe(false);
    expect(h.emulator.control.user(account.id)!.resource.changePasswordAtNextLogin).toBe(false);
  });

  it("asks for a change at next sign-in when the stack forces one", async () => {
    await googleTarget(settings).setPassword(person, `${CHOSEN} 2`, { forceChange: true });
    expect(h.emulator.control.user(account.id)!.resource.changePasswordAtNextLogin).toBe(true);
  });

  it("translates Google's Invalid Password (non-ASCII) into a policy refusal and keeps the old password", async () => {
    await expect(
      googleTarget(settings).setPassword(person, "Orbit kettle marmälade lantern", { forceChange: false }),
    ).rejects.toBeInstanceOf(TargetRefusal);
    expect(h.emulator.control.passwordMatches(account.id, `${CHOSEN} 2`)).toBe(true);
  });

  it("reports a person without a Google user as a failure", async () => {
    await expect(
      googleTarget(settings).setPassword(subject({ employeeId: "E0404" }), CHOSEN, { forceChange: false }),
    ).rejects.toThrow(/no Google user/);
  });
});
