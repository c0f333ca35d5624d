/**
 * Entra as a password authority against the Graph emulator: the PATCH sets the password (the emulator records
 * the change), and Graph's complexity refusal reads as the portal's one "refused under its own rules" message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { entraAccountProvider, entraSettingsSchema, type EntraSettings } from "../../provider/apps/entra";
import { entraTarget, setEverywhere, TargetRefusal } from "../../provider/sspr";
import { spec, startEntraHarness, type EntraHarness } from "../apps/entra/harness";
import { subject } from "./fixtures";

let h: EntraHarness;
let settings: EntraSettings;
let userId: string;

beforeAll(async () => {
  h = await startEntraHarness();
  settings = entraSettingsSchema(z).parse(JSON.parse(h.config.get("identity:entra")!)) as EntraSettings;
  userId = (await entraAccountProvider.create!(spec("E3001"))).id;
});
afterAll(async () => h?.emulator.stop());

describe("sspr entra target", () => {
  const person = subject({ employeeId: "E3001" });
  const changedAt = () =>
    (h.emulator.control.object(userId) as { resource: Record<string, unknown> }).resource.lastPasswordChangeDateTime;

  it("sets the password with PATCH passwordProfile", async () => {
    const before = changedAt();
    h.emulator.control.advanceClock(60_000);
    await entraTarget(settings).setPassword(person, "Velvet harbor quinoa 42", { forceChange: false });
    expect(changedAt()).not.toEqual(before);
    expect(h.emulator.control.passwordMatches(userId, "Velvet harbor quinoa 42")).toBe(true);
    expect(h.emulator.control.object(userId)).toMatchObject({
      resource: { passwordProfile: { forceChangePasswordNextSignIn: false } },
    });
  });

  it("translates Graph's complexity refusal and stops writing to later targets", async () => {
    await expect(
      entraTarget(settings).setPassword(person, "velvet harbor quinoa sprocket", { forceChange: false }),
    ).rejects.toBeInstanceOf(TargetRefusal);
    expect(h.emulator.control.passwordMatches(userId, "Velvet harbor quinoa 42")).toBe(true);
    const later = {
      app: "google",
      setPassword: async () => {
        throw new Error("must not be called");
      },
    };
    expect(await setEverywhere([entraTarget(settings), later], person, "velvet harbor quinoa sprocket", false)).toEqual(
      [
        {
          app: "entra",
          name: "Microsoft 365",
          outcome: "policy",
          detail: "entra refused the password under its own policy: password complexity",
        },
      ],
    );
  });

  it("reports a person without an Entra user as a failure", async () => {
    await expect(
      entraTarget(settings).setPassword(subject({ employeeId: "E0404" }), "Velvet harbor quinoa 42", {
        forceChange: false,
      }),
    ).rejects.toThrow(/no Entra user/);
  });
});
