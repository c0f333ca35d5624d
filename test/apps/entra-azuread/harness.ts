/**
 * Plans for the azuread-mode scenarios and a recorder of what the identity stack declares under `setMocks`:
 * every resource's type, name, inputs and options, one declaration at a time, and what the monitor recorded.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AccountSpec, GroupSpec, PersonPlan } from "../../../provider/access";

export const ADMIN_GROUP = "6f1c9f2e-4b7a-4d1e-9c3a-2b8e5d7a1f00";
export const SEED = "a-long-test-seed-of-32-characters";

/** `identity:entra` as the stack file holds it in azuread mode (the seed still encrypted). */
export const rawConfig = (extra: Record<string, unknown> = {}) => ({
  "identity:entra": {
    mode: "azuread",
    domain: "Contoso.com",
    companyName: "Contoso",
    adminGroupId: ADMIN_GROUP,
    initialPasswordSeed: { secure: "v1:abc" },
    ...extra,
  },
});

export function spec(employeeId: string, extra: Partial<AccountSpec> = {}): AccountSpec {
  return {
    employeeId,
    userName: `user.${employeeId.toLowerCase()}`,
    email: `user.${employeeId.toLowerCase()}@contoso.com`,
    givenName: "Given",
    familyName: employeeId,
    displayName: `Given ${employeeId}`,
    employmentType: "employee",
    enabled: true,
    lifecycle: "active",
    groups: [],
    admin: false,
    grants: [],
    approvals: [],
    ...extra,
  };
}

export function person(account: AccountSpec): PersonPlan {
  return {
    employeeId: account.employeeId,
    displayName: account.displayName,
    lifecycle: account.lifecycle,
    employmentType: account.employmentType,
    roles: [],
    accounts: [{ app: "entra", spec: account }],
  };
}

export const group = (name: string, privileged = false): { app: "entra"; spec: GroupSpec } => ({
  app: "entra",
  spec: { name, displayName: `Group ${name}`, privileged, roleIds: ["r"] },
});

export const plan = (people: AccountSpec[], groups = ["engineering", "sales", "prod-admins"]): AccessPlan => ({
  asOf: "2026-11-25",
  issues: [],
  groups: groups.map((g) => group(g, g.endsWith("admins"))),
  people: [...people].sort((a, b) => a.employeeId.localeCompare(b.employeeId)).map(person),
});

export interface Declared {
  type: string;
  name: string;
  inputs: Record<string, any>;
  opts?: pulumi.CustomResourceOptions;
}

/** The recorder's key: names are unique per type only (a User and its AzureadAccount record share one). */
export const key = (type: string, name: string) => `${type}::${name}`;

/** Records mock registrations (inputs) and transformation calls (options), keyed by type and name. */
export class Recorder {
  declared = new Map<string, Declared>();

  readonly mocks: pulumi.runtime.Mocks = {
    newResource: async ({ type, name, inputs }) => {
      this.declared.set(key(type, name), { ...this.declared.get(key(type, name)), type, name, inputs });
      return { id: `${name}-id`, state: { ...inputs, objectId: `${name}-oid` } };
    },
    call: async ({ inputs }) => inputs,
  };

  /** Passed to the stack component: children inherit it, so it sees every resource's options. */
  readonly capture: pulumi.ResourceTransformation = ({ type, name, opts }) => {
    this.declared.set(key(type, name), { ...(this.declared.get(key(type, name)) ?? { type, name, inputs: {} }), opts });
    return undefined;
  };

  /** Runs `declare` and waits until every registration it started has reached the mock monitor. */
  async run(declare: () => void): Promise<Map<string, Declared>> {
    this.declared = new Map();
    declare();
    // The SDK's own "all RPCs done" promise (what the runtime awaits before exit); not in its .d.ts.
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    return this.declared;
  }
}

/** Declares the real identity stack for `p`, entra swapped by the mode `raw` selects (call after setMocks: testing-recipes §3a). */
export async function declareStack(
  recorder: Recorder,
  p: AccessPlan,
  raw: Record<string, unknown> = rawConfig(),
): Promise<Map<string, Declared>> {
  const { IdentityStack, appResources } = await import("../../../provider/stack/index.js");
  const { resourcesForEntraMode } = await import("../../../provider/apps/entra-azuread/index.js");
  return recorder.run(() => {
    new IdentityStack(
      "identity",
      { plan: p, resources: resourcesForEntraMode(raw, p, appResources) },
      { transformations: [recorder.capture] },
    );
  });
}

/** The mock monitor's record of each registration by URN: a component's holds what it passed to registerOutputs. */
export function registered(): Map<string, Record<string, unknown>> {
  // Public on the SDK's MockMonitor, not in its .d.ts.
  const monitor = pulumi.runtime.getMonitor() as unknown as { getRegisteredResources(): Map<string, { state: any }> };
  return new Map(
    [...monitor.getRegisteredResources()].map(([urn, { state }]) => [
      urn,
      typeof state.toJavaScript === "function" ? state.toJavaScript() : state,
    ]),
  );
}

/** Declared resources of one type, by name. */
export const ofType = (declared: Map<string, Declared>, type: string) =>
  Object.fromEntries([...declared.values()].filter((d) => d.type === type).map((d) => [d.name, d.inputs]));

export const USER = "azuread:index/user:User";
export const GROUP = "azuread:index/group:Group";
export const MEMBER = "azuread:index/groupMember:GroupMember";
export const RECORD = "idlc:entra:AzureadAccount";
