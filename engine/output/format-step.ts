import type { StepEventMetadata, StepOp } from "../events";

/** The prefix Pulumi prints for each step kind (pkg/resource/deploy/step.go Prefix). */
const SYMBOLS: Record<StepOp, string> = {
  same: " ",
  create: "+",
  update: "~",
  delete: "-",
  replace: "+-",
  "create-replacement": "++",
  "delete-replaced": "--",
  read: ">",
  refresh: "~",
  discard: "<",
};

// Status words per phase: planned (preview), running, done (pkg/backend/display progress texts).
const RUNNING: Record<StepOp, string> = {
  same: "",
  create: "creating",
  update: "updating",
  delete: "deleting",
  replace: "replacing",
  "create-replacement": "creating replacement",
  "delete-replaced": "deleting original",
  read: "reading",
  refresh: "refreshing",
  discard: "discarding",
};
const DONE: Record<StepOp, string> = {
  same: "",
  create: "created",
  update: "updated",
  delete: "deleted",
  replace: "replaced",
  "create-replacement": "created replacement",
  "delete-replaced": "deleted original",
  read: "read",
  refresh: "refreshed",
  discard: "discarded",
};

export type StepPhase = "planned" | "running" | "done" | "failed";

export function opSymbol(op: StepOp): string {
  return SYMBOLS[op] ?? " ";
}

export function stepStatus(op: StepOp, phase: StepPhase): string {
  switch (phase) {
    case "planned":
      return op === "same" ? "" : op;
    case "running":
      return RUNNING[op] ?? op;
    case "done":
      return DONE[op] ?? op;
    case "failed":
      return `${RUNNING[op] || op} failed`;
  }
}

/** The resource name: the last `::` segment of its URN. */
export function resourceName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

function isInternal(key: string): boolean {
  return key.startsWith("__");
}

/** Top-level changed keys grouped as Pulumi's `[diff: +added-removed~updated]` label, or "" when none. */
export function diffLabel(meta: StepEventMetadata): string {
  const keys = new Set<string>();
  for (const path of Object.keys(meta.detailedDiff ?? {})) keys.add(path.split(/[.[]/)[0]!.replace(/^"|"$/g, ""));
  for (const key of meta.diffs ?? []) keys.add(key);
  const groups = { "+": [] as string[], "-": [] as string[], "~": [] as string[] };
  for (const key of [...keys].filter((k) => k && !isInternal(k))) {
    const before = meta.old?.inputs && key in meta.old.inputs;
    const after = meta.new?.inputs && key in meta.new.inputs;
    groups[before && !after ? "-" : after && !before && meta.old ? "+" : "~"].push(key);
  }
  const parts = (["+", "-", "~"] as const).filter((g) => groups[g].length).map((g) => `${g}${groups[g].join(",")}`);
  return parts.length ? `[diff: ${parts.join("")}]` : "";
}

/** `+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E001 creating [diff: ~title]` */
export function formatStepLine(meta: StepEventMetadata, phase: StepPhase): string {
  const status = stepStatus(meta.op, phase);
  const label = phase === "done" ? "" : diffLabel(meta);
  return [opSymbol(meta.op), meta.type, resourceName(meta.urn), status, label].filter((part) => part !== "").join(" ");
}
