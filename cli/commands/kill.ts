/**
 * `idlc kill EMPLOYEE_ID --reason TEXT`: the emergency cutoff. Records an immediate termination in the stack's
 * `overrides.yaml` (who, when, why), then runs a targeted `up` of that person's accounts only: every account
 * disabled and every session revoked now, whatever the HR export says. Prints the change to commit.
 */
import type { Command } from "commander";
import { lazy } from "../lazy";
import { prestartFor } from "../prestart";

export interface KillOptions {
  stack?: string;
  cwd?: string;
  reason: string;
  by?: string;
}

const action = lazy<typeof import("../actions/kill")>("cli/actions/kill");

export function register(program: Command): void {
  program
    .command("kill")
    .description("emergency cutoff: disable a person's accounts in every app now and record it for Git")
    .argument("<employeeId>", "the person's employee id in the HR export")
    .requiredOption("--reason <text>", "why, for the record (kept in overrides.yaml and the commit)")
    .option("--by <who>", "who ordered it (default: git user.email, else the OS user)")
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, else the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (employeeId: string, options: KillOptions) => {
      await prestartFor(options);
      process.exitCode = await (await action()).kill(employeeId, options);
    });
}
