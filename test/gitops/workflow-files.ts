/** The example workflows as data: parsed YAML, their steps, and the `idlc` invocations in their scripts. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { root } from "./project";

export const examples = path.join(root, "examples", "github");

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface Workflow {
  file: string;
  on: Record<string, unknown>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<
    string,
    { steps: Step[]; concurrency?: Workflow["concurrency"]; environment?: string; env?: Record<string, string> }
  >;
}

export function workflowFiles(dir = examples): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yml"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** @throws when the YAML has errors (the message lists them). */
export function readWorkflow(file: string): Workflow {
  const doc = parseDocument(readFileSync(file, "utf8"));
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
  return { file: path.relative(examples, file), ...(doc.toJS() as Omit<Workflow, "file">) };
}

export const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

/** Every `npx idlc <command> --flag …` in the workflow's scripts: the command and the long flags it passes. */
export function idlcCalls(w: Workflow): Array<{ command: string; flags: string[] }> {
  return steps(w).flatMap((s) =>
    [...(s.run ?? "").matchAll(/npx idlc (hr pull|shards [a-z]+|[a-z][a-z-]*)([^\n;&|>]*)/g)].map((m) => ({
      command: m[1]!,
      flags: [...m[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((f) => f[1]!),
    })),
  );
}
