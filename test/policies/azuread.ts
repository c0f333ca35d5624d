/**
 * Azuread-mode Entra accounts exactly as the identity stack declares them: the real `IdentityStack` with its Entra
 * entry swapped by `resourcesForEntraMode`, run under Pulumi mocks, recording each resource's type, name and
 * inputs (what the analyzer is handed). So a change to the provider's names or mapping shows up here.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AccountSpec } from "../../provider/access";

export const USER = "azuread:index/user:User";
export const GROUP = "azuread:index/group:Group";
export const MEMBER = "azuread:index/groupMember:GroupMember";

export interface Declared {
  type: string;
  name: string;
  props: Record<string, unknown>;
}

const SEED = "a-long-test-seed-of-32-characters";
const RAW = { "identity:entra": { mode: "azuread", domain: "example.com", adminGroupId: "6f1c9f2e-4b7a-4d1e-9c3a-2b8e5d7a1f00", initialPasswordSeed: { secure: "v1:abc" } } };

let declared: Declared[] = [];
let mocked: Promise<void> | undefined;

function mock(): Promise<void> {
  return (mocked ??= (async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: async ({ type, name, inputs }) => {
          declared.push({ type, name, props: inputs });
          return { id: `${name}-id`, state: { ...inputs, objectId: `${name}-oid` } };
        },
        call: async ({ inputs }) => inputs,
      },
      "identity",
      "test",
      false,
    );
    pulumi.runtime.setAllConfig({ "identity:entra": JSON.stringify({ mode: "azuread", initialPasswordSeed: SEED }) }, ["identity:entra"]);
  })());
}

/** Every resource the identity stack declares in azuread mode for these Entra specs and the groups they join. */
export async function declareAzuread(specs: AccountSpec[]): Promise<Declared[]> {
  await mock();
  // Imported after setMocks, as the SDK requires.
  const { IdentityStack, appResources } = await import("../../provider/stack/index.js");
  const { resourcesForEntraMode } = await import("../../provider/apps/entra-azuread/index.js");
  const plan: AccessPlan = {
    asOf: "2026-11-25",
    issues: [],
    groups: [...new Set(specs.flatMap((s) => s.groups))].sort().map((name) => ({ app: "entra", spec: { name, displayName: name, privileged: false, roleIds: [] } })),
    people: specs.map((spec) => ({
      employeeId: spec.employeeId, displayName: spec.displayName, lifecycle: spec.lifecycle, employmentType: spec.employmentType,
      roles: [], accounts: [{ app: "entra", spec }],
    })),
  };
  declared = [];
  new IdentityStack("identity", { plan, resources: resourcesForEntraMode(RAW, plan, appResources) });
  // The SDK's own "all RPCs done" promise (what the runtime awaits before exit); not in its .d.ts.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  return declared;
}

/** The one declared resource of `type` named `name`. */
export function declaredAs(resources: Declared[], type: string, name: string): Declared {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} among ${resources.map((r) => r.name).join(", ")}`);
  return found;
}
