/**
 * Azuread-mode Entra accounts exactly as the identity stack declares them: the real `IdentityStack` with its Entra
 * entry swapped by `resourcesForEntraMode`, run under Pulumi mocks, recording each resource's type, name, inputs
 * (what Analyze is handed) and final state (what AnalyzeStack is handed: a component's registered outputs). So a
 * change to the provider's names, mapping or records shows up here.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AccountSpec } from "../../provider/access";
import { accountResource, accountType, runResourcePolicy, runStackPolicy, type Outcome } from "./util";

export const USER = "azuread:index/user:User";
export const GROUP = "azuread:index/group:Group";
export const MEMBER = "azuread:index/groupMember:GroupMember";
export const RECORD = "idlc:entra:AzureadAccount";

export interface Declared {
  type: string;
  name: string;
  /** The inputs. */
  props: Record<string, unknown>;
  /** The state after registration: outputs for a User, registered outputs for a component. */
  state: Record<string, unknown>;
}

const SEED = "a-long-test-seed-of-32-characters";
const RAW = {
  "identity:entra": {
    mode: "azuread",
    domain: "example.com",
    adminGroupId: "6f1c9f2e-4b7a-4d1e-9c3a-2b8e5d7a1f00",
    initialPasswordSeed: { secure: "v1:abc" },
  },
};

let declared: Declared[] = [];
let mocked: Promise<void> | undefined;

function mock(): Promise<void> {
  return (mocked ??= (async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: async ({ type, name, inputs }) => {
          declared.push({ type, name, props: inputs, state: {} });
          return { id: `${name}-id`, state: { ...inputs, objectId: `${name}-oid` } };
        },
        call: async ({ inputs }) => inputs,
      },
      "identity",
      "test",
      false,
    );
    pulumi.runtime.setAllConfig({ "identity:entra": JSON.stringify({ mode: "azuread", initialPasswordSeed: SEED }) }, [
      "identity:entra",
    ]);
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
    groups: [...new Set(specs.flatMap((s) => s.groups))]
      .sort()
      .map((name) => ({ app: "entra", spec: { name, displayName: name, privileged: false, roleIds: [] } })),
    people: specs.map((spec) => ({
      employeeId: spec.employeeId,
      displayName: spec.displayName,
      lifecycle: spec.lifecycle,
      employmentType: spec.employmentType,
      roles: [],
      accounts: [{ app: "entra", spec }],
    })),
  };
  declared = [];
  new IdentityStack("identity", { plan, resources: resourcesForEntraMode(RAW, plan, appResources) });
  // The SDK's own "all RPCs done" promise (what the runtime awaits before exit); not in its .d.ts.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  const states = registeredStates();
  return declared.map((d) => ({ ...d, state: states.get(`${d.type}::${d.name}`) ?? {} }));
}

/** The resources as a stack rule sees them: each one's final state as its props. */
export const asStack = (resources: Declared[]): Declared[] => resources.map((r) => ({ ...r, props: r.state }));

/** The mock monitor's state per `<type>::<name>`; components hold what they passed to registerOutputs. */
function registeredStates(): Map<string, Record<string, unknown>> {
  // The mock monitor's own record of registrations (public on MockMonitor, not in the SDK's .d.ts).
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    getRegisteredResources(): Map<string, { state: unknown }>;
  };
  const states = new Map<string, Record<string, unknown>>();
  for (const [urn, { state }] of monitor.getRegisteredResources()) {
    const [, , qualifiedType, name] = urn.split("::");
    const plain =
      typeof (state as { toJavaScript?: unknown }).toJavaScript === "function"
        ? (state as { toJavaScript(): unknown }).toJavaScript()
        : state;
    states.set(`${qualifiedType!.split("$").pop()}::${name}`, plain as Record<string, unknown>);
  }
  return states;
}

/** The one declared resource of `type` named `name`. */
export function declaredAs(resources: Declared[], type: string, name: string): Declared {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} among ${resources.map((r) => r.name).join(", ")}`);
  return found;
}

/** A resource rule's outcome on the record the identity stack declares for `spec` in azuread mode. */
export async function onRecord(
  policy: ResourceValidationPolicy,
  spec: AccountSpec,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const record = declaredAs(await declareAzuread([spec]), RECORD, `entra/${spec.employeeId}`);
  return runResourcePolicy(policy, record.props, { type: record.type, name: record.name, config });
}

/** The same rule's outcome on the graph-mode `EntraAccount` for `spec`: the verdict azuread mode must match. */
export const onDynamic = (
  policy: ResourceValidationPolicy,
  spec: AccountSpec,
  config: Record<string, unknown> = {},
): Promise<Outcome> =>
  runResourcePolicy(policy, spec, { type: accountType("entra"), name: `entra/${spec.employeeId}`, config });

/** A stack rule's outcome with these Entra specs in azuread mode and as graph-mode EntraAccounts, beside `others`. */
export async function bothModes(
  policy: StackValidationPolicy,
  specs: AccountSpec[],
  config: Record<string, unknown> = {},
  others: Array<Omit<Declared, "state">> = [],
) {
  const azuread = await runStackPolicy(policy, [...asStack(await declareAzuread(specs)), ...others], config);
  const dynamic = await runStackPolicy(policy, [...specs.map((s) => accountResource("entra", s)), ...others], config);
  return { azuread, dynamic };
}
