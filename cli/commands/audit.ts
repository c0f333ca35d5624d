/**
 * `idlc audit person|access|review|metrics|verify`: the stack history as an audit trail. Reads the stack's diy
 * backend (`--backend`, else PULUMI_BACKEND_URL, else Pulumi.yaml `backend.url`, else `<project>/.pulumi`) or exported
 * files (`--history` from `pulumi stack history --json`, `--export` from `pulumi stack export`); HR names and dates
 * come from the stack's export (with kill-switch overrides) when the stack has one. Nothing is decrypted.
 */
import { Option, type Command } from "commander";
import { UsageError } from "../exit";
import { lazy } from "../lazy";

export interface SourceOptions {
  stack?: string;
  cwd?: string;
  backend?: string;
  history?: string;
  export?: string[];
}

/** Adds the options every audit command reads its source with. */
export function sourceOptions(command: Command): Command {
  return command
    .option("-s, --stack <name>", "stack to audit (default: PULUMI_STACK, else the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--backend <urlOrDir>", "diy backend: a file:// URL or a directory (holding .pulumi)")
    .option("--history <file>", "audit exported files: the output of `pulumi stack history --json`")
    .option(
      "--export <files...>",
      "outputs of `pulumi stack export [--version N]` (with --history, or alone: one update each)",
    );
}

const action = lazy<typeof import("../actions/audit")>("cli/actions/audit");
const appOption = () =>
  new Option("--app <app>", "only this app (entra, google, slack, scim, ldap, or scim:<instance>)");

export function register(program: Command): void {
  const audit = program
    .command("audit")
    .description("the stack history as an audit trail: timelines, access on a date, reviews, metrics, tamper evidence");

  sourceOptions(
    audit
      .command("person <employeeId>")
      .description("one person's access timeline per app, with the change behind each step"),
  )
    .option("--json", "print JSON")
    .action(async (employeeId: string, o: SourceOptions & { json?: boolean }) =>
      (await action()).person(employeeId, o),
    );

  sourceOptions(audit.command("access").description("everyone's access on a date, from the checkpoint in force then"))
    .requiredOption("--as-of <date>", "yyyy-MM-dd (the end of that day, UTC) or an RFC 3339 time")
    .addOption(appOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "csv", "json"]).default("text"))
    .action(async (o: SourceOptions & { asOf: string; app?: string; format: string }) => (await action()).access(o));

  sourceOptions(
    audit
      .command("review")
      .description(
        "access-review (certification) CSV of current access: person, manager, app, entitlement, role, since, approver",
      ),
  )
    .addOption(appOption())
    .addOption(new Option("--by <reviewer>", "who reviews each row").choices(["manager", "app"]).default("manager"))
    .option("--out <file>", "write the CSV here instead of stdout")
    .action(async (o: SourceOptions & { app?: string; by: "manager" | "app"; out?: string }) =>
      (await action()).review(o),
    );

  sourceOptions(
    audit.command("metrics").description("time to provision and deprovision, percentiles, and leavers over the policy"),
  )
    .option("--policy-hours <hours>", "deprovisioning policy in hours", (v) => positive(v), 24)
    .option(
      "--now <time>",
      "measure still-open leavers to this time: RFC 3339, or a date meaning its end (default: now)",
    )
    .option("--json", "print JSON")
    .action(async (o: SourceOptions & { policyHours: number; now?: string; json?: boolean }) =>
      (await action()).metrics(o),
    );

  sourceOptions(
    audit
      .command("verify")
      .description(
        "check the hash chain over history entries and checkpoints; exit 1 naming the first entry that does not match",
      ),
  )
    .option("--json", "print JSON")
    .action(async (o: SourceOptions & { json?: boolean }) => (await action()).verify(o));
}

export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`"${value}" is not a positive number of hours`, "Give e.g. --policy-hours 24.");
  return n;
}
