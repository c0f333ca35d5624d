/**
 * Property: over random org charts and any single failure — one resource, or a whole app's API — no leaver stays
 * enabled in an app whose API answered, and a failed account holds back nobody but its own person. It runs the real
 * dependency graph `IdentityStack` declares (captured under Pulumi mocks) through the real engine scheduling
 * (`StepGenerator` with `--continue-on-error`), registering each resource once its dependencies have answered, as
 * the SDK does; only the app behind the provider calls is a fake that fails where told.
 */
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DeployContext } from "../../engine/deploy/context";
import { createLimit } from "../../engine/deploy/limit";
import { makeUrn, type ResourceState } from "../../engine/deploy/resource-state";
import { StepGenerator } from "../../engine/deploy/step-generator";
import type { DynamicProviderHost } from "../../engine/host/provider-host";
import type { Registration } from "../../engine/monitor";
import type { AccessPlan, AccountSpec, AppName } from "../../provider/access";
import { employeeIdOf, isCutoff } from "../../provider/stack-plan";
import { dependsOnNames, fakeApps, group, person, spec } from "../stack/fake-apps";

const APPS = ["entra", "google", "slack", "scim", "ldap"] as const;
const STACK = "dev";
const PROJECT = "identity";
const COMPONENT = makeUrn(STACK, PROJECT, "", "idlc:index:IdentityStack", "identity");

let registered: Array<{ name: string; inputs: Record<string, unknown> }> = [];
beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        registered.push({ name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: async (args) => args.inputs,
    },
    PROJECT,
    STACK,
    false,
  );
});

type Change = "same" | "leaver" | "leave" | "title" | "revoked";

interface Org {
  managers: number[];
  apps: Array<Array<(typeof APPS)[number]>>;
  groups: string[][];
  changes: Change[];
  renamedGroups: string[];
  failure: { kind: "resource"; pick: number } | { kind: "app"; app: (typeof APPS)[number] };
}

const org: fc.Arbitrary<Org> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.record({
    managers: fc.tuple(
      ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }))),
    ),
    apps: fc.array(fc.subarray([...APPS], { minLength: 1 }), { minLength: n, maxLength: n }),
    groups: fc.array(fc.subarray(["g1", "g2"]), { minLength: n, maxLength: n }),
    changes: fc.array(fc.constantFrom<Change>("same", "leaver", "leave", "title", "revoked"), {
      minLength: n,
      maxLength: n,
    }),
    renamedGroups: fc.subarray(["g1", "g2"]),
    failure: fc.oneof(
      fc.record({ kind: fc.constant("resource" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("app" as const), app: fc.constantFrom(...APPS) }),
    ),
  }),
);

const appKeyOf = (app: AppName) => (app === "scim" ? "scim:github" : app);
const instanceOf = (app: AppName) => (app === "scim" ? { instance: "github" } : {});
const id = (i: number) => `E${100 + i}`;

/** The plan before (everyone active) or after the change. */
function planOf(o: Org, after: boolean): AccessPlan {
  const people = o.managers.map((m, i) => {
    const change = after ? o.changes[i]! : "same";
    const manager = m >= 0 ? id(m) : undefined;
    const accounts = o.apps[i]!.map((app, k) => {
      const base = spec(id(i), {
        ...instanceOf(app),
        managerEmployeeId: manager,
        groups: o.groups[i]!,
        title: "Engineer",
      });
      const changed: Partial<AccountSpec> =
        change === "leaver"
          ? { enabled: false, lifecycle: "terminated" }
          : change === "leave"
            ? { enabled: false, lifecycle: "leave" }
            : change === "title"
              ? { title: "Lead Engineer" }
              : change === "revoked" && k === 0
                ? { enabled: false, groups: [], revokedOn: "2026-12-01" }
                : {};
      return { app, spec: { ...base, ...changed } };
    });
    return person(id(i), accounts, { managerEmployeeId: manager });
  });
  const groups = APPS.flatMap((app) =>
    ["g1", "g2"].map((g) => ({
      app,
      spec: group(g, { ...instanceOf(app), displayName: after && o.renamedGroups.includes(g) ? `${g} (renamed)` : g }),
    })),
  );
  return { asOf: "2026-12-01", issues: [], groups, people };
}

interface Declared {
  order: string[];
  inputs: Record<string, Record<string, unknown>>;
  deps: Record<string, string[]>;
}

/** What the real `IdentityStack` declares for a plan: names in order, inputs and dependencies. */
async function declare(plan: AccessPlan): Promise<Declared> {
  const { IdentityStack } = await import("../../provider/stack/index.js");
  const fakes = fakeApps();
  registered = [];
  new IdentityStack("identity", { plan, resources: fakes.resources });
  await new Promise((r) => setTimeout(r, 20));
  const inputs = Object.fromEntries(registered.filter((r) => r.name !== "identity").map((r) => [r.name, r.inputs]));
  const deps = Object.fromEntries(fakes.order.map((n) => [n, dependsOnNames(fakes.made[n]!)]));
  return { order: fakes.order, inputs, deps };
}

const typeOf = (name: string) => {
  const app = name.split("/")[0]!.split(":")[0]!;
  return `pulumi-nodejs:dynamic/idlc:${app[0]!.toUpperCase()}${app.slice(1)}${name.includes("/groups/") ? "Group" : "Account"}`;
};
const urnOf = (name: string) => makeUrn(STACK, PROJECT, COMPONENT, typeOf(name), name);
const appOfName = (name: string) => name.split("/")[0]!.split(":")[0]!;

/** Runs the change through the engine's step generator; answers the inputs each resource ends with. */
async function apply(before: Declared, after: Declared, fails: (name: string) => boolean) {
  const olds = new Map<string, ResourceState>();
  for (const name of before.order) {
    const urn = urnOf(name);
    const inputs = before.inputs[name]! as ResourceState["inputs"];
    olds.set(urn, {
      urn,
      type: typeOf(name),
      custom: true,
      id: name,
      inputs,
      outputs: inputs,
      parent: COMPONENT,
      dependencies: before.deps[name]!.map(urnOf),
      propertyDependencies: {},
    });
  }
  const written = new Map<string, ResourceState>();
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const host: DynamicProviderHost = {
    configure: async () => undefined,
    check: async (_ref, _olds, news) => ({ inputs: news, failures: [] }),
    diff: async (_ref, _id, _olds, oldInputs, news) => ({
      changes: same(oldInputs, news) ? 1 : 2,
      replaces: [],
      deleteBeforeReplace: false,
      diffs: [],
    }),
    create: async (ref, props) => {
      if (fails(ref.name)) throw new Error(`${ref.name}: the app refused`);
      return { id: ref.name, outputs: props };
    },
    update: async (ref, _id, _olds, _oldInputs, news) => {
      if (fails(ref.name)) throw new Error(`${ref.name}: the app refused`);
      return news;
    },
    read: async () => ({ id: "", outputs: {} }),
    delete: async () => undefined,
    close: () => undefined,
  };
  const ctx: DeployContext = {
    stack: STACK,
    project: PROJECT,
    dryRun: false,
    olds,
    oldOrder: [...olds.values()],
    oldPendingDeletes: [],
    providerConfig: {},
    persistence: {
      begin: async () => undefined,
      end: () => undefined,
      upsert: (r) => void written.set(r.urn, r),
      same: () => undefined,
      remove: () => undefined,
    },
    emit: () => undefined,
    limit: createLimit(4),
    host: async () => host,
    counts: {},
    now: () => "2026-12-01T00:00:00Z",
    continueOnError: true,
    failed: { urns: new Set(), errors: [] },
  };
  const gen = new StepGenerator(ctx);
  const registration = (
    type: string,
    name: string,
    custom: boolean,
    parent: string,
    inputs: Record<string, unknown>,
    dependencies: string[],
  ): Registration => ({
    type,
    name,
    parent,
    custom,
    remote: false,
    inputs: inputs as Registration["inputs"],
    provider: "",
    dependencies,
    propertyDependencies: {},
    ignoreChanges: [],
    replaceOnChanges: [],
    additionalSecretOutputs: [],
    aliases: [],
    deletedWith: "",
    importId: "",
  });
  await gen.register(registration("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`, false, "", {}, []));
  await gen.register(registration("idlc:index:IdentityStack", "identity", false, "", {}, []));
  // As the SDK: a resource is registered once every resource it depends on has been answered.
  const answered = new Map<string, Promise<unknown>>();
  for (const name of after.order) {
    const deps = after.deps[name]!;
    const reg = registration(typeOf(name), name, true, COMPONENT, after.inputs[name]!, deps.map(urnOf));
    answered.set(
      name,
      Promise.all(deps.map((d) => answered.get(d)!)).then(() => gen.register(reg)),
    );
  }
  await Promise.all(answered.values());
  return (name: string) =>
    (written.get(urnOf(name)) ?? olds.get(urnOf(name)))?.inputs as Record<string, unknown> | undefined;
}

describe("leavers never wait (property)", () => {
  it("no leaver stays enabled in an app that answered; a failed account holds back only its own person", async () => {
    await fc.assert(
      fc.asyncProperty(org, async (o) => {
        const before = await declare(planOf(o, false));
        const plan = planOf(o, true);
        const after = await declare(plan);
        const changed = after.order.filter((n) => JSON.stringify(after.inputs[n]) !== JSON.stringify(before.inputs[n]));
        const failing =
          o.failure.kind === "resource" ? changed[o.failure.pick % Math.max(changed.length, 1)] : undefined;
        const app = o.failure.kind === "app" ? o.failure.app : undefined;
        const fails = (name: string) => name === failing || appOfName(name) === app;
        const final = await apply(before, after, fails);
        for (const { employeeId, accounts } of plan.people) {
          for (const { app: a, spec: s } of accounts) {
            const name = `${appKeyOf(a)}/${employeeId}`;
            if (!isCutoff(s) || fails(name)) continue;
            expect(final(name)?.enabled, `${name} is a cutoff and its app answered`).toBe(false);
          }
        }
        if (failing && employeeIdOf(failing)) {
          for (const name of changed.filter((n) => employeeIdOf(n) && employeeIdOf(n) !== employeeIdOf(failing))) {
            expect(final(name), `${name} belongs to someone else than ${failing}`).toEqual(after.inputs[name]);
          }
        }
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
