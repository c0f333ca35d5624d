/**
 * Issue #22 item 1: an account resource registers its AccountSpec as one `spec` property (the SDK's cost is per
 * top-level property), and the stored provider's `check` answers the flat fields — so the engine sees exactly the
 * inputs the flat registration gave, and a stack created before the change previews with no update.
 */
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccountSpec, AppName } from "../../../provider/access/account-spec";
import { accountSpec } from "../../support/account-spec";
import { configRequest } from "../ldap/ldap-spec";
import { rehydrateProvider } from "../../support/stored-provider";

const registered = new Map<string, Record<string, unknown>>();
type Stored = Required<pulumi.dynamic.ResourceProvider>;
let stored: Record<AppName, Stored>;
let declare: (app: AppName, spec: AccountSpec) => pulumi.CustomResource;
let declareGroup: (app: AppName, name: string) => pulumi.CustomResource;

/**
 * Calls of the SDK's closure serializer, which `dynamic.Resource` runs for every provider object: idlc's resources
 * give their provider's text instead, so a run never loads the TypeScript compiler nor opens the inspector for it.
 */
const serializations: unknown[] = [];
const closure = createRequire(__filename)("@pulumi/pulumi/runtime/closure/serializeClosure") as {
  serializeFunction: (...args: unknown[]) => unknown;
};
const serializeFunction = closure.serializeFunction;
closure.serializeFunction = (...args) => (serializations.push(args[0]), serializeFunction(...args));

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: async ({ name, inputs }) => {
        registered.set(name, inputs);
        return { id: `${name}-id`, state: inputs };
      },
      call: async ({ inputs }) => inputs,
    },
    "identity",
    "test",
    false,
  );
  // Imported after setMocks, as the SDK requires.
  const { appResources } = await import("../../../provider/stack/index.js");
  const texts: Record<AppName, string> = {
    entra: (await import("../../../provider/apps/entra/account.js")).storedEntraAccountProvider,
    google: (await import("../../../provider/apps/google/account.js")).storedGoogleAccountProvider,
    slack: (await import("../../../provider/apps/slack/account.js")).storedSlackAccountProvider,
    scim: (await import("../../../provider/apps/scim/account.js")).storedScimAccountProvider,
    ldap: (await import("../../../provider/apps/ldap/account.js")).storedLdapAccountProvider,
  };
  stored = Object.fromEntries(
    Object.entries(texts).map(([app, text]) => [app, rehydrateProvider<Stored>(text)]),
  ) as Record<AppName, Stored>;
  // LDAP's check asks which directory flavor it serves; configure makes no connection.
  const { ldapAccountProvider } = await import("../../../provider/apps/ldap/index.js");
  await ldapAccountProvider.configure!(
    configRequest({ url: "ldap://127.0.0.1:1", bindDN: "cn=x", bindPassword: "x", baseDN: "dc=x" }) as never,
  );
  declare = (app, spec) => appResources[app].account(`${app}/${spec.employeeId}`, spec, {});
  declareGroup = (app, name) =>
    appResources[app].group(
      `${app}/group/${name}`,
      {
        name,
        displayName: name,
        privileged: false,
        roleIds: [],
        ...(app === "scim" ? { instance: "test" } : {}),
      } as never,
      {},
    );
});

/** Waits until the mocks saw a registration (the SDK registers asynchronously). */
async function registration(name: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200 && !registered.has(name); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return registered.get(name)!;
}

const spec = (app: AppName) =>
  accountSpec(`E-${app}`, {
    instance: app === "scim" ? "test" : undefined,
    managerEmployeeId: "E1",
    groups: ["eng", "ops"],
    lifecycleSince: "2026-01-01",
    approvals: [{ roleId: "admin", approver: "E1", ticket: "T-1", date: "2026-01-02" }],
  });

describe.each(["entra", "google", "slack", "scim", "ldap"] as const)("%s account resource", (app) => {
  it("registers the spec as its one property, and keeps no reference to its inputs", async () => {
    const resource = declare(app, spec(app)) as pulumi.CustomResource & Record<string, unknown>;
    // The SDK made an Output of each input; the program reads none back, so the resource lets them go (issue #22).
    expect([resource["spec"], resource["__provider"]]).toEqual([undefined, undefined]);
    const inputs = await registration(`${app}/E-${app}`);
    // `__provider` is the stand-in every dynamic resource carries: the text the class names, as given.
    expect(Object.keys(inputs).sort()).toEqual(["__provider", "spec"]);
    expect(inputs["__provider"]).toContain(`"provider/apps/${app}/provider"`);
    expect(inputs["spec"]).toEqual(JSON.parse(JSON.stringify(spec(app))));
    expect(await new Promise((resolve) => resource.urn.apply(resolve))).toMatch(
      new RegExp(`[:$]pulumi-nodejs:dynamic/idlc:[A-Z][a-z]+Account::${app}/E-${app}$`),
    );
  });

  it("checks to the flat inputs a stack made before the change holds: no update, no call", async () => {
    const flat = JSON.parse(JSON.stringify(spec(app))) as Record<string, unknown>;
    const { __provider: provider, ...packed } = await registration(`${app}/E-${app}`);
    expect(typeof provider).toBe("string");
    const before = await stored[app].check({}, flat);
    const after = await stored[app].check(flat, packed);
    expect(after).toEqual(before);
    expect(after.inputs).toEqual(flat);
    // The state of an account made by the flat registration: its inputs and what the app assigned.
    const olds = { ...flat, adopted: false, dn: "uid=x", managerDn: "uid=m", managerScimId: "m-1", groupIds: {} };
    expect((await stored[app].diff(`${app}-id`, olds, after.inputs)).changes).toBe(false);
  });
});

describe("every app's resources", () => {
  it("register their provider's text as given: the SDK serializes no function", async () => {
    for (const app of ["entra", "google", "slack", "scim", "ldap"] as const) {
      declare(app, accountSpec(`S-${app}`, { instance: app === "scim" ? "test" : undefined }));
      declareGroup(app, `g-${app}`);
    }
    for (const app of ["entra", "google", "slack", "scim", "ldap"]) {
      const group = await registration(`${app}/group/g-${app}`);
      expect(group["__provider"]).toContain(`"provider/apps/${app}/group-provider"`);
      await registration(`${app}/S-${app}`);
    }
    expect(serializations).toEqual([]);
  });
});
