import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessPlan } from "../../provider/access";
import { dependsOnNames, fakeApps, group, person, spec } from "./fake-apps";

const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];
/** While set, the mock engine answers no registration until the test releases it. */
let gate: Promise<void> | undefined;

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        await gate;
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: async (args) => args.inputs,
    },
    "identity",
    "test",
    false,
  );
});

const waitForRPCs = () => (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();

// Managers after their reports in the export, directory and app accounts, groups in two apps, a SCIM instance.
const plan: AccessPlan = {
  asOf: "2026-11-25",
  issues: [],
  groups: [
    { app: "slack", spec: group("engineering") },
    { app: "google", spec: group("everyone") },
    { app: "scim", spec: group("developers", { instance: "github" }) },
  ],
  people: [
    person(
      "E4",
      [
        { app: "slack", spec: spec("E4", { groups: ["engineering"], managerEmployeeId: "E2" }) },
        { app: "google", spec: spec("E4", { groups: ["everyone"], managerEmployeeId: "E2" }) },
        { app: "scim", spec: spec("E4", { instance: "github", groups: ["developers"], managerEmployeeId: "E2" }) },
      ],
      { managerEmployeeId: "E2" },
    ),
    person(
      "E2",
      [
        { app: "slack", spec: spec("E2", { managerEmployeeId: "E1" }) },
        { app: "google", spec: spec("E2", { managerEmployeeId: "E1" }) },
      ],
      { managerEmployeeId: "E1" },
    ),
    person("E1", [
      { app: "google", spec: spec("E1", { groups: ["everyone"] }) },
      { app: "slack", spec: spec("E1") },
    ]),
    person("E3", [{ app: "slack", spec: spec("E3", { enabled: false, lifecycle: "terminated" }) }], {
      lifecycle: "terminated",
    }),
  ],
};

/** Declares `plan` as a stack named `name` and waits until every registration is done. */
async function declare(name: string, batchSize?: number, only?: ReadonlySet<string>) {
  const fakes = fakeApps();
  const { IdentityStack } = await import("../../provider/stack/index.js");
  const before = registered.length;
  const stack = new IdentityStack(name, { plan, resources: fakes.resources, batchSize, only });
  await stack.declared;
  await waitForRPCs();
  const mine = registered.slice(before).filter((r) => r.name !== name);
  const deps = Object.fromEntries(Object.entries(fakes.made).map(([n, opts]) => [n, dependsOnNames(opts)]));
  return {
    stack,
    order: fakes.order,
    deps,
    inputs: Object.fromEntries(mine.map((r) => [r.name, { type: r.type, inputs: r.inputs }])),
  };
}

describe("IdentityStack in batches", () => {
  it("declares the same resources, in the same order, with the same inputs and dependencies as in one loop", async () => {
    const whole = await declare("whole");
    for (const size of [1, 2, 5, 100]) {
      const batched = await declare(`batched-${size}`, size);
      expect(batched.order).toEqual(whole.order);
      expect(batched.deps).toEqual(whole.deps);
      expect(batched.inputs).toEqual(whole.inputs);
    }
    expect(whole.order).toHaveLength(11);
    expect(whole.order.slice(0, 3)).toEqual([
      "slack/groups/engineering",
      "google/groups/everyone",
      "scim:github/groups/developers",
    ]);
    expect(whole.deps["slack/E4"]).toEqual(["slack/groups/engineering", "google/E4"]);
  });

  it("declares a batch only once the engine has registered the batch before last", async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const fakes = fakeApps();
    const { IdentityStack } = await import("../../provider/stack/index.js");
    const stack = new IdentityStack("held", { plan, resources: fakes.resources, batchSize: 3 });
    let settled = false;
    void stack.declared.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100));
    // Batches 1 and 2 are out; batch 3 waits for batch 1, which the engine has not answered.
    expect(fakes.order).toHaveLength(6);
    expect(settled).toBe(false);
    gate = undefined;
    release();
    await stack.declared;
    expect(fakes.order).toHaveLength(11);
  });

  it("registers the per-app summary as the component's output after the last batch", async () => {
    await declare("summarized", 4);
    const monitor = pulumi.runtime.getMonitor() as unknown as {
      getRegisteredResources(): Map<string, { state: { toJavaScript?(): unknown } }>;
    };
    const [, entry] = [...monitor.getRegisteredResources()].find(([urn]) => urn.endsWith("::summarized"))!;
    const state = (typeof entry.state.toJavaScript === "function" ? entry.state.toJavaScript() : entry.state) as Record<
      string,
      unknown
    >;
    expect(state.summary).toEqual({
      slack: { enabled: 3, disabled: 1 },
      google: { enabled: 3, disabled: 0 },
      "scim:github": { enabled: 1, disabled: 0 },
    });
  });

  it("declares only the targeted resources of a targeted update, in batches too", async () => {
    const { order, inputs } = await declare("targeted", 1, new Set(["slack/E4", "google/E4"]));
    expect(order).toEqual(["google/E4", "slack/E4"]);
    expect(inputs["slack/E4"]!.inputs.managerEmployeeId).toBe("E2");
  });
});
