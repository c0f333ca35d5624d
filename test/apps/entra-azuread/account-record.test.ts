import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { targetUrns } from "../../../cli/identity/targets";
import type { AccountSpec } from "../../../provider/access";
import { declareStack, key, ofType, plan, rawConfig, Recorder, registered, RECORD, SEED, spec, USER } from "./harness";

const recorder = new Recorder();
beforeAll(async () => {
  await pulumi.runtime.setMocks(recorder.mocks, "identity", "test", false);
  pulumi.runtime.setAllConfig({ "identity:entra": JSON.stringify({ mode: "azuread", initialPasswordSeed: SEED }) }, [
    "identity:entra",
  ]);
});
afterEach(() => vi.unstubAllEnvs());

const manager = spec("E300", {
  admin: true,
  groups: ["prod-admins"],
  grants: [{ entitlement: "admin", roleIds: ["it-admin"], privileged: true }],
  approvals: [{ roleId: "it-admin", approver: "ciso", ticket: "SEC-7", date: "2026-10-01" }],
});
const contractor = spec("E200", {
  employmentType: "contractor",
  endDate: "2027-03-31",
  managerEmployeeId: "E300",
  groups: ["engineering"],
});
const leaver = spec("E400", {
  enabled: false,
  lifecycle: "terminated",
  lifecycleSince: "2026-11-20",
  managerEmployeeId: "E999",
});
// What the engine receives: undefined fields are not sent.
const sent = (s: AccountSpec) => JSON.parse(JSON.stringify(s));
const STACK = "urn:pulumi:test::identity::idlc:index:IdentityStack";

describe("the AzureadAccount record beside each azuread.User", () => {
  it("is declared once per User, named like it, with the whole spec as inputs", async () => {
    const declared = await declareStack(recorder, plan([contractor, manager, leaver]));
    const records = ofType(declared, RECORD);
    expect(Object.keys(records).sort()).toEqual(Object.keys(ofType(declared, USER)).sort());
    expect(records).toEqual({
      "entra/E200": sent(contractor),
      "entra/E300": sent(manager),
      // The manager is not in the plan: the identity stack drops the reference, as for the dynamic EntraAccount.
      "entra/E400": sent({ ...leaver, managerEmployeeId: undefined }),
    });
  });

  it("registers the spec as its outputs too (what stack policies and the audit trail read)", async () => {
    await declareStack(recorder, plan([contractor, manager]));
    expect(registered().get(`${STACK}$${RECORD}::entra/E200`)).toEqual(sent(contractor));
  });

  it("carries no password or other secret", async () => {
    const { initialPassword } = await import("../../../provider/apps/entra-azuread/index.js");
    const declared = await declareStack(recorder, plan([contractor, manager]));
    for (const name of ["entra/E200", "entra/E300"]) {
      const text = JSON.stringify([
        declared.get(key(RECORD, name))!.inputs,
        registered().get(`${STACK}$${RECORD}::${name}`),
      ]);
      expect(text).not.toContain(initialPassword(SEED, name.slice(6)));
      expect(text).not.toContain(SEED);
      expect(text).not.toContain(pulumi.runtime.specialSecretSig);
      expect(text).not.toMatch(/password/i);
    }
  });

  it("sits beside the User under the identity stack, leaving the User's URN as it was", async () => {
    const declared = await declareStack(recorder, plan([contractor, manager]));
    const opts = declared.get(key(RECORD, "entra/E200"))!.opts!;
    expect((opts.parent as unknown as { __name: string }).__name).toBe("identity");
    expect(opts.dependsOn).toBeUndefined();
    expect(registered().has(`${STACK}$${USER}::entra/E200`)).toBe(true);
    expect(registered().has(`${STACK}$${RECORD}::entra/E200`)).toBe(true);
  });

  it("is targeted with its User by `idlc --target EMPLOYEE_ID` once both are in state", async () => {
    const p = plan([contractor, manager]);
    await declareStack(recorder, p);
    const urns = targetUrns(["E200"], { stack: "test", project: "identity", plan: p, known: [...registered().keys()] });
    expect(urns).toEqual(expect.arrayContaining([`${STACK}$${USER}::entra/E200`, `${STACK}$${RECORD}::entra/E200`]));
    expect(urns.some((u) => u.endsWith("/E300"))).toBe(false);
  });

  it("goes with the User when retention ends", async () => {
    const declared = await declareStack(recorder, plan([contractor]));
    expect(Object.keys(ofType(declared, RECORD))).toEqual(["entra/E200"]);
  });

  it("refuses to declare anything when the SDK would send components without inputs", async () => {
    vi.stubEnv("PULUMI_NODEJS_SKIP_COMPONENT_INPUTS", "1");
    const { appResources } = await import("../../../provider/stack/index.js");
    const { resourcesForEntraMode } = await import("../../../provider/apps/entra-azuread/index.js");
    expect(() => resourcesForEntraMode(rawConfig(), plan([contractor]), appResources)).toThrow(
      /PULUMI_NODEJS_SKIP_COMPONENT_INPUTS is set/,
    );
  });
});
