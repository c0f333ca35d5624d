import { describe, expect, it } from "vitest";
import type { DeployContext } from "../../../engine/deploy/context";
import type { ResourceState } from "../../../engine/deploy/resource-state";
import { oneResourcePerProvider, warmHost } from "../../../engine/deploy/warm-host";
import type { DynamicProviderHost } from "../../../engine/host";

const urn = (type: string, name: string) => `urn:pulumi:dev::identity::${type}::${name}`;
const ACCOUNT = "pulumi-nodejs:dynamic/idlc:SlackAccount";
const GROUP = "pulumi-nodejs:dynamic/idlc:SlackGroup";

function resource(type: string, name: string, provider?: string, custom = true): ResourceState {
  const inputs = provider === undefined ? { name } : { __provider: provider, name };
  return {
    urn: urn(type, name),
    type,
    custom,
    id: `id-${name}`,
    inputs,
    outputs: { ...inputs, out: true },
    dependencies: [],
    propertyDependencies: {},
    ignoreChanges: name === "bob" ? ["title"] : undefined,
  };
}

const OLDS = [
  resource("idlc:index:IdentityStack", "identity", undefined, false),
  resource(ACCOUNT, "alice", "accounts v2"),
  resource(ACCOUNT, "bob", "accounts v2"),
  resource(GROUP, "all-hands", "groups v1"),
  resource(ACCOUNT, "carol", "accounts v1"),
  resource("pulumi:providers:pulumi-nodejs", "default", "not a dynamic resource"),
];

type Call = [string, string, ...unknown[]];

function hostRecording(calls: Call[], failOn?: string): DynamicProviderHost {
  const refuse = (name: string) => {
    if (name === failOn) throw new Error(`${name}: cannot load the provider`);
  };
  return {
    check: async (ref, olds, news) => {
      calls.push(["check", ref.name, olds, news]);
      refuse(ref.name);
      return { inputs: { ...news, checked: true }, failures: [] };
    },
    diff: async (ref, id, olds, oldInputs, news, ignore) => {
      calls.push(["diff", ref.name, id, olds, oldInputs, news, ignore]);
      return { changes: 1, replaces: [], deleteBeforeReplace: false, diffs: [] };
    },
  } as Partial<DynamicProviderHost> as DynamicProviderHost;
}

const contextWith = (host: () => Promise<DynamicProviderHost>) =>
  ({ olds: new Map(OLDS.map((r) => [r.urn, r])), host }) as Partial<DeployContext> as DeployContext;

describe("oneResourcePerProvider", () => {
  it("takes the first dynamic resource of each distinct provider text, in state order", () => {
    expect(oneResourcePerProvider(OLDS).map((r) => r.urn.split("::").pop())).toEqual(["alice", "all-hands", "carol"]);
  });
});

describe("warmHost", () => {
  it("sends one Check, then one Diff, per provider, with that resource's own old inputs and outputs", async () => {
    const calls: Call[] = [];
    const host = hostRecording(calls);
    await warmHost(contextWith(async () => host));
    const alice = OLDS[1]!;
    expect(calls.map(([method, name]) => `${method} ${name}`)).toEqual([
      "check alice",
      "diff alice",
      "check all-hands",
      "diff all-hands",
      "check carol",
      "diff carol",
    ]);
    expect(calls[0]).toEqual(["check", "alice", alice.inputs, alice.inputs]);
    expect(calls[1]).toEqual([
      "diff",
      "alice",
      "id-alice",
      alice.outputs,
      alice.inputs,
      { ...alice.inputs, checked: true },
      [],
    ]);
  });

  it("never rejects: a provider that fails to load, or a host that fails to start, is left to the real step", async () => {
    const calls: Call[] = [];
    await expect(warmHost(contextWith(async () => hostRecording(calls, "alice")))).resolves.toBeUndefined();
    expect(calls.map(([method, name]) => `${method} ${name}`)).toEqual([
      "check alice",
      "check all-hands",
      "diff all-hands",
      "check carol",
      "diff carol",
    ]);
    await expect(
      warmHost(contextWith(() => Promise.reject(new Error("the dynamic provider host exited")))),
    ).resolves.toBeUndefined();
  });
});
