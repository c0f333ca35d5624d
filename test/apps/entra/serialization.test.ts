import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntraAccountInputs, EntraAccountOutputs } from "../../../provider/apps/entra";
import { strict } from "../google/strict";
import { rehydrateProvider, storedProvider } from "../../support/stored-provider";
import { spec, startEntraHarness, type EntraHarness } from "./harness";

let h: EntraHarness;
let text: string;
beforeAll(async () => {
  h = await startEntraHarness();
  text = await storedProvider("provider/apps/entra/account.ts", "storedEntraAccountProvider");
}, 60_000);
afterAll(() => h.emulator.stop());

describe("EntraAccount provider as the resource stores it", () => {
  it("carries no credential and no zod objects", () => {
    expect(text).not.toContain(h.emulator.clientSecret);
    expect(text).not.toMatch(/ZodObject|\$ZodType/);
    expect(text.length).toBeLessThan(1_000);
    expect(text).toContain("provider/apps/entra/provider");
  });

  it("runs the whole lifecycle after rehydration, configured from stack config", async () => {
    const p = strict(rehydrateProvider<Parameters<typeof strict<EntraAccountInputs, EntraAccountOutputs>>[0]>(text));
    await p.configure({ config: h.config } as never);
    const created = await p.create(spec("S1"));
    expect(h.emulator.control.object(created.id)!.resource.userPrincipalName).toBe("user.s1@example.com");
    const { outs } = await p.update(created.id, created.outs, spec("S1", { enabled: false, lifecycle: "terminated" }));
    expect(h.emulator.control.object(created.id)!.resource.accountEnabled).toBe(false);
    await p.delete(created.id, outs);
    expect((await p.read(created.id, outs)).id).toBe("");
  });
});
