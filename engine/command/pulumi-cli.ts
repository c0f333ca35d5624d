import { spawnSync } from "node:child_process";
import { EngineUsageError } from "../errors";
import type { OperationKind } from "../operations/types";

export interface PulumiCliArgs {
  kind: OperationKind;
  cwd: string;
  stack?: string;
  json?: boolean;
  yes?: boolean;
  parallel?: number;
  target?: string[];
  policyPacks?: string[];
  continueOnError?: boolean;
  /** Added to the CLI's environment, which it hands the program and plugins. */
  env?: Record<string, string>;
}

/** `--engine pulumi`: hands the same operation to the Pulumi CLI on PATH; resolves its exit code. */
export function runWithPulumiCli(args: PulumiCliArgs): number {
  const which = spawnSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" });
  if (which.status !== 0 || !which.stdout.trim()) {
    throw new EngineUsageError(
      "--engine pulumi needs the `pulumi` binary on PATH, and none was found",
      "install the Pulumi CLI, or drop --engine pulumi to use the offline engine",
    );
  }
  const argv: string[] = [args.kind, "--cwd", args.cwd];
  if (args.stack) argv.push("--stack", args.stack);
  if (args.json) argv.push("--json");
  if (args.yes && args.kind !== "preview") argv.push("--yes");
  if (args.parallel) argv.push("--parallel", String(args.parallel));
  for (const t of args.target ?? []) argv.push("--target", t);
  for (const p of args.policyPacks ?? []) argv.push("--policy-pack", p);
  if (args.continueOnError && args.kind === "up") argv.push("--continue-on-error");
  const res = spawnSync(which.stdout.trim(), argv, { stdio: "inherit", env: { ...process.env, ...args.env } });
  return res.status ?? 1;
}
