/**
 * Issue #22 item 1: an account resource registers its AccountSpec as one `spec` property (the SDK's cost is per
 * top-level property), and the stored provider's `check` answers the flat fields — so the engine sees exactly the
 * inputs the flat registration gave, and a stack created before the change previews with no update.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccountSpec, AppName } from "../../../provider/access/account-spec";
import { accountSpec } from "../../support/account-spec";
import { configRequest } from "../ldap/ldap-spec";

const registered = new Map<string, Record<string, unknown>>();
type Stored = Required<pulumi.dynamic.ResourceProvider>;
let stored: Record<AppName, Stored>;
let declare: (app: AppName, spec: AccountSpec) => pulumi.CustomResource;

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
  stored = {
    entra: (await import("../../../provider/apps/entra/account.js")).storedEntraAccountProvider,
    google: (await import("../../../provider/apps/google/account.js")).storedGoogleAccountProvider,
    slack: (await import("../../../provider/apps/slack/account.js")).storedSlackAccountProvider,
    scim: (await import("../../../provider/apps/scim/account.js")).storedScimAccountProvider,
    ldap: (await import("../../../provider/apps/ldap/account.js")).storedLdapAccountProvider,
  } as Record<AppName, Stored>;
  // LDAP's check asks which directory flavor it serves; configure makes no connection.
  const { ldapAccountProvider } = await import("../../../provider/apps/ldap/index.js");
  await ldapAccountProvider.configure!(
    configRequest({ url: "ldap://127.0.0.1:1", bindDN: "cn=x", bindPassword: "x", baseDN: "dc=x" }) as never,
  );
  declare = (app, spec) => appResources[app].account(`${app}/${spec.employeeId}`, spec, {});
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
    // `__provider` is the SDK's own: the serialized stand-in every dynamic resource carries.
    expect(Object.keys(inputs).sort()).toEqual(["__provider", "spec"]);
    expect(inputs["spec"]).toEqual(JSON.parse(JSON.stringify(spec(app))));
    expect(await new Promise((resolve) => resource.urn.apply(resolve))).toMatch(new RegExp(`::${app}/E-${app}$`));
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
