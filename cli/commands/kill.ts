/**
 * `idlc kill EMPLOYEE_ID --reason TEXT`: the emergency cutoff. Records an immediate termination in the stack's
 * `overrides.yaml` (who, when, why), then runs a targeted `up` of that person's accounts only: every account
 * disabled and every session revoked now, whatever the HR export says. Prints the change to commit.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Command } from "commander";
import { findProject, resolveStackName } from "../../engine/project";
import { appendOverride, loadStackPlan } from "../../provider/stack";
import { UsageError } from "../exit";
import { runIdentityOperation } from "../identity/hooks";

interface KillOptions {
  stack?: string;
  cwd?: string;
  reason: string;
  by?: string;
}

export function register(program: Command): void {
  program
    .command("kill")
    .description("emergency cutoff: disable a person's accounts in every app now and record it for Git")
    .argument("<employeeId>", "the person's employee id in the HR export")
    .requiredOption("--reason <text>", "why, for the record (kept in overrides.yaml and the commit)")
    .option("--by <who>", "who ordered it (default: git user.email, else $USER)")
    .option("-s, --stack <name>", "stack (default: the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (employeeId: string, options: KillOptions) => {
      process.exitCode = await kill(employeeId, options);
    });
}

async function kill(employeeId: string, options: KillOptions): Promise<number> {
  const project = findProject(path.resolve(options.cwd ?? process.cwd()));
  const stack = resolveStackName(project, options.stack).split("/").pop()!;
  const today = new Date().toISOString().slice(0, 10);
  const { people, overridesFile } = loadStackPlan({ cwd: project.dir, stack, asOf: today });
  if (!people.some((p) => p.employeeId === employeeId)) {
    throw new UsageError(`${employeeId} is not in stack ${stack}'s HR export`, "Give the employee id as the HR export spells it.");
  }
  const by = options.by ?? gitConfig(project.dir, "user.email") ?? process.env.USER ?? "unknown";
  appendOverride(overridesFile, { employeeId, action: "terminate", at: new Date().toISOString(), by, reason: options.reason });
  process.stderr.write(`recorded: ${employeeId} terminated now by ${by} (${options.reason}) in ${path.relative(project.dir, overridesFile)}\n`);
  const code = await runIdentityOperation("up", { stack, cwd: project.dir, target: [employeeId], yes: true, engine: "local" });
  const file = path.relative(process.cwd(), overridesFile);
  process.stdout.write(
    `${code === 0 ? "Every account of" : "The cutoff did not complete for"} ${employeeId}${code === 0 ? " is disabled and its sessions revoked." : "; run `idlc kill` again."}\n` +
      `Record it in Git:\n  git add ${file} && git commit -m "kill ${employeeId}: ${options.reason.replace(/"/g, "'")}"\n` +
      "The override stays in force until the HR export shows the termination; then remove its entry.\n",
  );
  return code;
}

function gitConfig(cwd: string, key: string): string | undefined {
  try {
    return execFileSync("git", ["config", key], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
