/**
 * Runs policies the way the analyzer does — props wrapped in `unknownCheckingProxy`, config defaults from the
 * rule's `configSchema` — without starting a server, and collects every violation.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import type { AccountSpec } from "../../provider/access/account-spec";

export type Outcome = { violations: string[]; unknown?: string };

export const accountType = (app: string) => `pulumi-nodejs:dynamic/idlc:${app[0].toUpperCase()}${app.slice(1)}Account`;

/** A compliant, enabled Slack account: each test changes one thing. */
export function happyAccount(overrides: Partial<AccountSpec> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    employeeId: "E1001",
    userName: "jane.doe",
    email: "jane.doe@example.com",
    givenName: "Jane",
    familyName: "Doe",
    displayName: "Jane Doe",
    employmentType: "employee",
    enabled: true,
    lifecycle: "active",
    groups: ["everyone"],
    admin: false,
    grants: [{ entitlement: "account", roleIds: ["birthright"] }],
    approvals: [],
    ...overrides,
  };
}

function configOf(
  policy: { configSchema?: { properties?: Record<string, unknown> } },
  config: Record<string, unknown>,
) {
  const defaults = Object.entries(policy.configSchema?.properties ?? {}).flatMap(([key, schema]) =>
    schema && typeof schema === "object" && "default" in schema
      ? [[key, (schema as { default: unknown }).default]]
      : [],
  );
  return { ...Object.fromEntries(defaults), ...config };
}

async function collect(run: (report: (message: string) => void) => void | Promise<void>): Promise<Outcome> {
  const violations: string[] = [];
  try {
    await run((message) => violations.push(message));
  } catch (err) {
    if (err instanceof UnknownValueError) return { violations, unknown: (err as Error).message };
    throw err;
  }
  return { violations };
}

export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  props: Record<string, unknown>,
  {
    type = accountType("slack"),
    name = "slack/E1001",
    config = {},
  }: { type?: string; name?: string; config?: Record<string, unknown> } = {},
): Promise<Outcome> {
  const args = {
    type,
    props: unknownCheckingProxy(props),
    urn: `urn:pulumi:test::identity::${type}::${name}`,
    name,
    opts: {},
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => configOf(policy, config),
    notApplicable: (reason?: string) => {
      throw Object.assign(new Error(reason), { notApplicable: true });
    },
  };
  return collect(async (report) => {
    for (const fn of [policy.validateResource].flat()) await fn!(args as never, report);
  });
}

export async function runStackPolicy(
  policy: StackValidationPolicy,
  resources: Array<{ type: string; name: string; props: Record<string, unknown> }>,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const args = {
    resources: resources.map((r) => ({
      ...r,
      props: unknownCheckingProxy(r.props),
      urn: `urn:pulumi:test::identity::${r.type}::${r.name}`,
      opts: {},
      isType: () => false,
      asType: () => undefined,
      dependencies: [],
      propertyDependencies: {},
    })),
    stackTags: new Map(),
    getConfig: () => configOf(policy, config),
    notApplicable: (reason?: string) => {
      throw Object.assign(new Error(reason), { notApplicable: true });
    },
  };
  return collect((report) => policy.validateStack!(args as never, report));
}

/** An account resource for stack-rule tests. */
export function accountResource(app: string, props: Record<string, unknown>) {
  return { type: accountType(app), name: `${app}/${String(props.employeeId)}`, props };
}

// The analyzer's sentinels for values not known during preview.
const sentinels = require("@pulumi/policy/proxy") as Record<string, string>;
export const unknown = {
  boolean: sentinels.unknownBooleanValue,
  string: sentinels.unknownStringValue,
  array: sentinels.unknownArrayValue,
  object: sentinels.unknownObjectValue,
} as unknown as { boolean: boolean; string: string; array: never[]; object: never };
