import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountSpec } from "../../../provider/access/account-spec";
import type { GoogleAccountOutputs } from "../../../provider/apps/google";
import { strict } from "./strict";
import { rehydrateProvider, storedProvider } from "../../support/stored-provider";
import { spec, startGoogleHarness, type GoogleHarness } from "./harness";

let h: GoogleHarness;
let text: string;
beforeAll(async () => {
  h = await startGoogleHarness();
  text = await storedProvider("provider/apps/google/account.ts", "storedGoogleAccountProvider");
}, 60_000);
afterAll(() => h.emulator.stop());

describe("GoogleAccount provider as the resource stores it", () => {
  it("carries no credential and no zod objects", () => {
    expect(text).not.toMatch(/-----BEGIN|ya29\.emu|emu-static/);
    expect(text).not.toContain(h.emulator.serviceAccountKey.private_key.slice(40, 90));
    expect(text).not.toMatch(/ZodObject|\$ZodType/);
    expect(text.length).toBeLessThan(1_000);
    expect(text).toContain("provider/apps/google/provider");
  });

  it("runs the whole lifecycle after rehydration, configured from stack config", async () => {
    const p = strict(rehydrateProvider<Parameters<typeof strict<AccountSpec, GoogleAccountOutputs>>[0]>(text));
    await p.configure({ config: h.config } as never);
    const created = await p.create(spec("S1"));
    expect(h.emulator.control.user(created.id)!.resource.primaryEmail).toBe("user.s1@example.com");
    expect((await p.read(created.id, created.outs)).props).toMatchObject({ enabled: true });
    const { outs } = await p.update(created.id, created.outs, spec("S1", { enabled: false, lifecycle: "terminated" }));
    expect(h.emulator.control.user(created.id)!.signOuts).toHaveLength(1);
    await p.delete(created.id, outs);
    expect((await p.read(created.id, outs)).id).toBe("");
  });
});
