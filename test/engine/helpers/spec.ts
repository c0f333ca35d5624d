import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "./project";

/** One resource of the files fixture's spec (see test/engine/fixtures/files/index.js). */
export interface FileSpec {
  name: string;
  content?: string;
  contentFrom?: string;
  fileName?: string;
  /** The file name is `<name>-<size of that resource>.txt`: a replacement trigger that depends on another resource. */
  fileNameFrom?: string;
  secret?: boolean;
  withApiKey?: boolean;
  parent?: string;
  dependsOn?: string[];
  protect?: boolean;
  retainOnDelete?: boolean;
  deleteBeforeReplace?: boolean;
  dbr?: boolean;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  additionalSecretOutputs?: string[];
  aliases?: Array<{ name: string }>;
  extra?: unknown;
}

export interface ProgramSpec {
  resources?: FileSpec[];
  components?: Array<{ name: string; parent?: string }>;
  generate?: { prefix: string; count: number };
  outputs?: Record<string, string>;
  fail?: boolean;
}

/** Writes the spec the fixture program reads and points the stack config at it. */
export function writeSpec(
  project: TestProject,
  spec: ProgramSpec,
  extraConfig: Record<string, string | { secure: string }> = {},
  salt?: string,
): void {
  const file = join(project.dir, "spec.json");
  writeFileSync(file, JSON.stringify({ dir: project.outDir, ...spec }));
  project.writeConfig({ "files:spec": file, ...extraConfig }, salt);
}
