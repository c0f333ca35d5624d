/**
 * Plain custom resources standing in for the connectors, and plan builders: what the stack tests check is which
 * resources the stack declares, with which names, inputs and dependencies — not the providers.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AccountSpec, AppName, GroupSpec } from "../../provider/access";
import type { AppResources } from "../../provider/stack";

export interface FakeApps {
  resources: Record<AppName, AppResources>;
  /** Options each resource was made with, by resource name (the last one made, when a name repeats). */
  made: Record<string, pulumi.CustomResourceOptions>;
  /** Resource names in the order the stack made them. */
  order: string[];
}

class Fake extends pulumi.CustomResource {}

/** Entra and Google are directories, as in the real stack. */
export function fakeApps(): FakeApps {
  const made: Record<string, pulumi.CustomResourceOptions> = {};
  const order: string[] = [];
  const app = (name: AppName): AppResources => {
    const make = (kind: string) => (resourceName: string, spec: object, opts: pulumi.CustomResourceOptions) => {
      made[resourceName] = opts;
      order.push(resourceName);
      return new Fake(`test:${name}:${kind}`, resourceName, { ...spec }, opts);
    };
    return { account: make("Account"), group: make("Group"), directory: name === "entra" || name === "google" };
  };
  const resources = Object.fromEntries(
    (["entra", "google", "slack", "scim", "ldap"] as const).map((name) => [name, app(name)]),
  ) as Record<AppName, AppResources>;
  return { resources, made, order };
}

/** Names of the resources a resource was made to depend on. */
export const dependsOnNames = (opts: pulumi.CustomResourceOptions) =>
  ((opts.dependsOn ?? []) as pulumi.Resource[]).map((r) => (r as unknown as { __name: string }).__name);

export const spec = (employeeId: string, extra: Partial<AccountSpec> = {}): AccountSpec => ({
  employeeId,
  userName: employeeId.toLowerCase(),
  email: `${employeeId.toLowerCase()}@example.com`,
  givenName: "G",
  familyName: "F",
  displayName: `Person ${employeeId}`,
  employmentType: "employee",
  enabled: true,
  lifecycle: "active",
  groups: [],
  admin: false,
  grants: [{ entitlement: "account", roleIds: ["birthright"] }],
  approvals: [],
  ...extra,
});

export const group = (name: string, extra: Partial<GroupSpec> = {}): GroupSpec => ({
  name,
  displayName: name,
  privileged: false,
  roleIds: ["r"],
  ...extra,
});

type PlannedPerson = AccessPlan["people"][number];

export const person = (
  employeeId: string,
  accounts: PlannedPerson["accounts"],
  extra: Partial<PlannedPerson> = {},
): PlannedPerson => ({
  employeeId,
  displayName: `Person ${employeeId}`,
  lifecycle: "active",
  employmentType: "employee",
  roles: [],
  accounts,
  ...extra,
});
