import { randomUUID } from "node:crypto";
import { deepEqual, UNKNOWN } from "../properties";
import { count, type DeployContext } from "./context";
import { makeUrn, type ResourceState } from "./resource-state";
import { emitOutputs, emitPre } from "./step-events";

export const DEFAULT_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/**
 * The default `pulumi-nodejs` provider resource (Go default_providers.go): inputs = outputs = the whole stack
 * config; created with a fresh UUID (unknown in preview), updated in place (same id) when the config changes.
 * Returns the `"<urn>::<id>"` reference resources store.
 */
export async function registerDefaultProvider(ctx: DeployContext, news: Map<string, ResourceState>): Promise<string> {
  const urn = makeUrn(ctx.stack, ctx.project, "", DEFAULT_PROVIDER_TYPE, "default");
  const old = ctx.olds.get(urn);
  const base: ResourceState = {
    urn,
    type: DEFAULT_PROVIDER_TYPE,
    custom: true,
    inputs: ctx.providerConfig,
    outputs: ctx.providerConfig,
    dependencies: [],
    propertyDependencies: {},
  };
  let state: ResourceState;
  if (!old) {
    const now = ctx.now();
    state = { ...base, id: ctx.dryRun ? UNKNOWN : randomUUID(), created: now, modified: now };
    emitPre(ctx, { op: "create", urn, type: base.type, new: state });
    if (!ctx.dryRun) ctx.persistence.upsert(state);
    count(ctx, "create");
    emitOutputs(ctx, { op: "create", urn, type: base.type, new: state });
  } else if (deepEqual(old.inputs, base.inputs)) {
    state = { ...base, id: old.id, created: old.created, modified: old.modified };
    ctx.persistence.same(urn);
    count(ctx, "same");
  } else {
    state = { ...base, id: old.id, created: old.created, modified: ctx.now() };
    const step = { op: "update" as const, urn, type: base.type, old, new: state, diffs: diffConfigKeys(old, state) };
    emitPre(ctx, step);
    if (!ctx.dryRun) ctx.persistence.upsert(state);
    count(ctx, "update");
    emitOutputs(ctx, step);
  }
  news.set(urn, state);
  return `${urn}::${state.id}`;
}

function diffConfigKeys(old: ResourceState, next: ResourceState): string[] {
  const keys = new Set([...Object.keys(old.inputs), ...Object.keys(next.inputs)]);
  return [...keys].filter((k) => !deepEqual(old.inputs[k], next.inputs[k])).sort();
}
