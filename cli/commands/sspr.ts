/**
 * `idlc sspr serve` runs the self-service password reset portal for a stack; `idlc sspr send-link EMPLOYEE_ID
 * --reason TEXT` is the helpdesk's way to send a person a link, recorded with who asked and why; `idlc sspr
 * activate` sends joiners whose start day has come an activation link to set their first password.
 */
import type { Command } from "commander";
import { lazy } from "../lazy";

export interface SsprServeOptions {
  stack?: string;
  cwd?: string;
  port: string;
  publicUrl?: string;
}

export interface SsprSendLinkOptions {
  stack?: string;
  cwd?: string;
  reason: string;
  by?: string;
  to?: string;
}

export interface SsprActivateOptions {
  stack?: string;
  cwd?: string;
  withinDays: string;
  dryRun?: boolean;
  by?: string;
  backend?: string;
}

const action = lazy<typeof import("../actions/sspr")>("cli/actions/sspr");

export function register(program: Command): void {
  const sspr = program.command("sspr").description("self-service password reset: the portal and helpdesk links");
  sspr
    .command("serve")
    .description("run the reset portal on 127.0.0.1 (put a TLS reverse proxy in front)")
    .option("-p, --port <n>", "port on 127.0.0.1", "8025")
    .option("--public-url <url>", "the URL people reach the portal at (default: identity:sspr.publicUrl)")
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, else the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (options: SsprServeOptions) => {
      process.exitCode = await (await action()).serve(options);
    });
  sspr
    .command("send-link")
    .description("send a person a reset link (helpdesk-assisted), recorded with who asked and why")
    .argument("<employeeId>", "the person's employee id in the HR export")
    .requiredOption("--reason <text>", "why, for the audit record")
    .option("--to <address>", "send to this address instead of the recovery address HR holds")
    .option("--by <who>", "who asked (default: git user.email, else the OS user)")
    .option("-s, --stack <name>", "stack (default: PULUMI_STACK, else the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (employeeId: string, options: SsprSendLinkOptions) => {
      process.exitCode = await (await action()).sendLink(employeeId, options);
    });
  sspr
    .command("activate")
    .description(
      "send activation links to joiners whose start day has come and whose account exists " +
        "(run after idlc up, or daily)",
    )
    .option("--within-days <n>", "only people whose start day (or account) is at most this many days old", "14")
    .option("--dry-run", "list who would get a link; send nothing")
    .option("--by <who>", "who runs it, for the audit record (default: git user.email, else the OS user)")
    .option("--backend <url>", "state backend to read which accounts exist (default: the project's)")
    .option("-s, --stack <name>", "stack (default: the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .action(async (options: SsprActivateOptions) => {
      process.exitCode = await (await action()).activate(options);
    });
}
