import type { PropertyDiff, StepEventMetadata, StepEventStateMetadata, StepOp } from "../events";
import { maskForDisplay, type PropertyMap } from "../properties";
import type { DeployContext } from "./context";
import type { ResourceState } from "./resource-state";

function stateMeta(r: ResourceState): StepEventStateMetadata {
  return {
    type: r.type,
    urn: r.urn,
    custom: r.custom,
    delete: r.delete,
    id: r.id ?? "",
    parent: r.parent ?? "",
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
    inputs: maskForDisplay(r.inputs) as PropertyMap,
    outputs: maskForDisplay(r.outputs) as PropertyMap,
    provider: r.provider,
  };
}

export interface StepDescription {
  op: StepOp;
  urn: string;
  type: string;
  old?: ResourceState;
  new?: ResourceState;
  diffs?: string[];
  keys?: string[];
}

function metadata(step: StepDescription): StepEventMetadata {
  const detailedDiff: Record<string, PropertyDiff> = {};
  for (const key of step.diffs ?? []) {
    const replace = step.keys?.includes(key) ?? false;
    const inOld = step.old ? key in step.old.inputs : false;
    const inNew = step.new ? key in step.new.inputs : false;
    const kind = !inOld ? "add" : !inNew ? "delete" : "update";
    detailedDiff[key] = { kind: replace ? (`${kind}-replace` as PropertyDiff["kind"]) : kind, inputDiff: true };
  }
  return {
    op: step.op,
    urn: step.urn,
    type: step.type,
    old: step.old && stateMeta(step.old),
    new: step.new && stateMeta(step.new),
    diffs: step.diffs,
    keys: step.keys,
    detailedDiff: step.diffs ? detailedDiff : undefined,
    provider: step.new?.provider ?? step.old?.provider ?? "",
  };
}

export function emitPre(ctx: DeployContext, step: StepDescription): void {
  ctx.emit({ resourcePreEvent: { metadata: metadata(step), planning: ctx.dryRun || undefined } });
}

export function emitOutputs(ctx: DeployContext, step: StepDescription): void {
  ctx.emit({ resOutputsEvent: { metadata: metadata(step), planning: ctx.dryRun || undefined } });
}

export function emitFailed(ctx: DeployContext, step: StepDescription, message: string): void {
  ctx.emit({ resOpFailedEvent: { metadata: metadata(step), status: 1, steps: 1 } });
  ctx.emit({ diagnosticEvent: { urn: step.urn, message: `${message}\n`, color: "raw", severity: "error" } });
}
