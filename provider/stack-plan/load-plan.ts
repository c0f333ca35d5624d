/**
 * A stack's inputs, read and planned: HR export → kill-switch overrides → roles → access plan, with every
 * problem found on the way. The one path the Pulumi program, `idlc kill` and the budget gate share.
 */
import path from "node:path";
import {
  accessIssues,
  keepRevokedAccounts,
  loadStackAccess,
  planStack,
  type AccessPlan,
  type HeldAccount,
} from "../access";
import { hrSettingsOf, loadStackSettings, type StackSettings } from "../config";
import type { Issue } from "../errors";
import { readHrExport, stackNeeds, type Person } from "../hr";
import { shardPlan } from "../shards";
import { diskFiles, readHrFile } from "../stack-files";
import { applyOverrides, readOverrides, type Override } from "./overrides";

export interface StackPlan {
  stack: StackSettings;
  /** People after overrides. */
  people: Person[];
  overrides: Override[];
  /** Where `idlc kill` records overrides: `overrides.yaml` next to the HR export. */
  overridesFile: string;
  plan: AccessPlan;
  /** HR, role, approval and persona problems, errors and warnings. */
  issues: Issue[];
}

/**
 * The stack's people: its HR export read, with the kill-switch overrides applied. `idlc kill` needs no more before
 * it records an override (planning the company is the targeted run's job).
 */
export function loadStackPeople(options: { cwd: string; stack: string }) {
  const stack = loadStackSettings({ cwd: options.cwd, stack: options.stack });
  const { file, ...hr } = hrSettingsOf(stack);
  const hrPath = path.resolve(stack.stackDir, file);
  const shown = path.relative(stack.project.dir, hrPath) || hrPath;
  const read = readHrExport({ ...hr, ...stackNeeds(stack.raw), file: shown, bytes: readHrFile(hrPath, shown) });
  const overridesFile = path.join(path.dirname(hrPath), "overrides.yaml");
  const overrides = readOverrides(overridesFile);
  // hrFile: the export's path as the stack's settings give it.
  return { stack, hrFile: file, read, overrides, overridesFile, people: applyOverrides(read.people, overrides) };
}

/**
 * @param options.held the accounts the stack holds (from its state): those a person still in the program no longer
 *   gets are kept, revoked, until retention ends. Without it (plain `pulumi up`) such an account is deleted, which its
 *   provider refuses while it is enabled.
 */
export function loadStackPlan(options: {
  cwd: string;
  stack: string;
  asOf: string;
  held?: readonly HeldAccount[];
}): StackPlan {
  const { stack, hrFile, read, overrides, overridesFile, people } = loadStackPeople(options);
  const { settings, stackDir, raw } = stack;
  const access = loadStackAccess(raw, stackDir, diskFiles, hrFile);
  const planned = planStack(people, access, settings.lifecycle, options.asOf);
  const kept = options.held ? keepRevokedAccounts(planned, options.held, settings.lifecycle.retentionDays) : planned;
  // A shard declares only its people's accounts in its apps; the checks below still judge the whole company.
  const plan = settings.shard ? shardPlan(kept, settings.shard) : kept;
  // Personas and rules judge what the roles give; revoked accounts are kept only until retention ends.
  return {
    stack,
    people,
    overrides,
    overridesFile,
    plan,
    issues: [...read.issues, ...accessIssues(planned, access, read.fields)],
  };
}
