import type { AccountSpec, GroupSpec } from "../../access/account-spec";
import { ScimSchema, type PatchOperation, type ScimGroup, type ScimUser } from "./wire";

/** Inputs of a `ScimAccount`: the AccountSpec plus which configured SCIM instance it lives in. */
export type ScimAccountInputs = AccountSpec & { instance: string };

export interface ScimAccountOutputs extends ScimAccountInputs {
  scimId: string;
  /** `meta.created`: bounds the read-after-write 404 retry window. */
  created?: string;
  /** `meta.version`, sent as If-Match when the server supports ETags. */
  version?: string;
  /** The manager's SCIM id; empty while the manager has no account yet (diff then retries the lookup). */
  managerScimId?: string;
  /** SCIM ids of the groups in `groups`, by name. */
  groupIds: Record<string, string>;
}

export type ScimGroupInputs = GroupSpec & { instance: string };
export interface ScimGroupOutputs extends ScimGroupInputs {
  scimId: string;
}

/**
 * Which AccountSpec field fills which SCIM attribute. An instance's `attributeMapping` overrides entries; `null`
 * leaves the attribute alone. `name`, `emails`, `externalId` (= employee id), `active` and `manager` are fixed.
 */
export const defaultAttributeMapping: Record<string, string | null> = {
  userName: "userName",
  displayName: "displayName",
  title: "title",
  userType: "employmentType",
  employeeNumber: "employeeId",
  department: "department",
  costCenter: "costCenter",
};
const coreTargets = ["userName", "displayName", "nickName", "title", "userType"];
const enterpriseTargets = ["employeeNumber", "department", "costCenter", "organization", "division"];

/** Whether an instance's mapping sends an AccountSpec field to the server (its `mapped` fields, account-fields.ts). */
export function sendsField(mapping: Record<string, string | null> = {}): (field: string) => boolean {
  const sources = new Set(Object.values({ ...defaultAttributeMapping, ...mapping }));
  return (field) => sources.has(field);
}

/** The mapped attribute values for a spec (undefined = not set). */
export function mappedValues(
  spec: ScimAccountInputs,
  mapping: Record<string, string | null> = {},
): Record<string, string | undefined> {
  const merged = { ...defaultAttributeMapping, ...mapping };
  return Object.fromEntries(
    Object.entries(merged)
      .filter(([, source]) => source !== null)
      .map(([target, source]) => {
        const value = (spec as Record<string, unknown>)[source!];
        return [target, value === undefined || value === "" ? undefined : String(value)];
      }),
  );
}

/** The full user body: for POST, and for PUT when the server has no PATCH (PUT clears omitted attributes). */
export function toScimUser(
  spec: ScimAccountInputs,
  mapping?: Record<string, string | null>,
  managerScimId?: string,
): Record<string, unknown> {
  const values = mappedValues(spec, mapping);
  const enterprise = pick(values, enterpriseTargets);
  if (managerScimId) enterprise.manager = { value: managerScimId };
  return {
    schemas: [ScimSchema.user, ScimSchema.enterprise],
    externalId: spec.employeeId,
    ...pick(values, coreTargets),
    name: { givenName: spec.givenName, familyName: spec.familyName },
    emails: [{ value: spec.email, type: "work", primary: true }],
    active: spec.enabled,
    [ScimSchema.enterprise]: enterprise,
  };
}

/**
 * One PATCH bringing a user in line with `spec`: a path-less replace of every set attribute (RFC 7644 §3.5.2.3:
 * sub-attributes not named are left alone), a replace of `emails`, and a remove for each attribute `previous`
 * set that `spec` no longer does.
 */
export function toUserPatch(
  spec: ScimAccountInputs,
  mapping: Record<string, string | null> | undefined,
  managerScimId: string | undefined,
  previous?: ScimAccountInputs,
): PatchOperation[] {
  const { schemas: _schemas, emails, ...value } = toScimUser(spec, mapping, managerScimId);
  // A multi-valued attribute gets its own op with a path: some servers (SCIMMY) append, not replace, list values
  // given in a path-less replace.
  const ops: PatchOperation[] = [
    { op: "replace", value },
    { op: "replace", path: "emails", value: emails },
  ];
  const before = previous ? mappedValues(previous, mapping) : {};
  const now = mappedValues(spec, mapping);
  for (const target of Object.keys(before)) {
    if (before[target] === undefined || now[target] !== undefined) continue;
    ops.push({
      op: "remove",
      path: enterpriseTargets.includes(target) ? `${ScimSchema.enterprise}:${target}` : target,
    });
  }
  if (previous?.managerEmployeeId && !managerScimId)
    ops.push({ op: "remove", path: `${ScimSchema.enterprise}:manager` });
  return ops;
}

/** What the server shows of an account, over the previous outputs (fields the server cannot know are kept). */
export function fromScimUser(user: ScimUser, olds: ScimAccountOutputs): ScimAccountOutputs {
  const memberOf = user.groups ? new Set(user.groups.map((g) => g.value)) : undefined;
  const groups = memberOf ? olds.groups.filter((name) => memberOf.has(olds.groupIds[name] ?? "")) : olds.groups;
  const primary = user.emails?.find((e) => e.primary) ?? user.emails?.[0];
  return {
    ...olds,
    scimId: user.id,
    userName: user.userName,
    email: primary?.value ?? olds.email,
    givenName: user.name?.givenName ?? olds.givenName,
    familyName: user.name?.familyName ?? olds.familyName,
    displayName: user.displayName ?? olds.displayName,
    enabled: user.active !== false,
    groups,
    groupIds: Object.fromEntries(groups.map((name) => [name, olds.groupIds[name]!])),
    version: user.meta?.version,
    created: user.meta?.created ?? olds.created,
    managerScimId: user[ScimSchema.enterprise]?.manager?.value ?? "",
  };
}

export function toScimGroup(spec: ScimGroupInputs): Record<string, unknown> {
  return { schemas: [ScimSchema.group], externalId: spec.name, displayName: spec.displayName };
}

export function fromScimGroup(group: ScimGroup, olds: ScimGroupOutputs): ScimGroupOutputs {
  return { ...olds, scimId: group.id, displayName: group.displayName };
}

function pick(values: Record<string, string | undefined>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}
