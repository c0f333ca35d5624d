/**
 * `idlc audit person|access|review|metrics|verify`: the stack history as an audit trail. Reads the stack's diy
 * backend (`--backend`, else PULUMI_BACKEND_URL, else Pulumi.yaml `backend.url`, else `<project>/.pulumi`) or exported
 * files (`--history` from `pulumi stack history --json`, `--export` from `pulumi stack export`); HR names and dates
 * come from the stack's export (with kill-switch overrides) when the stack has one. Nothing is decrypted.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { findProject, ProjectError, resolveStackName } from "../../engine/project";
import { backendRoot } from "../../engine/state";
import {
  accessAsOf, accessReview, auditMetrics, AuditCode, AuditSourceError, buildSnapshots, formatAccess, formatMetrics, formatTimeline,
  formatVerification, historyDirOf, personTimeline, readBackendHistory, readExportedHistory, reviewCsv, toCsv, verifyChain, asOfInstant,
  type AuditUpdate, type BackendSource,
} from "../../provider/audit";
import { loadStackSettings } from "../../provider/config";
import { readHrExport, type Person } from "../../provider/hr";
import { applyOverrides, readOverrides } from "../../provider/stack";
import { ExitCode, UsageError } from "../exit";

export interface SourceOptions {
  stack?: string;
  cwd?: string;
  backend?: string;
  history?: string;
  export?: string[];
}

export interface AuditSource {
  stack: string;
  updates: AuditUpdate[];
  /** Set when reading a diy backend: where the history and its hash chain live. */
  historyDir?: string;
  /** HR people (overrides applied), when the stack has an HR export. */
  people?: Person[];
}

/** Adds the options every audit command reads its source with. */
export function sourceOptions(command: Command): Command {
  return command
    .option("-s, --stack <name>", "stack to audit (default: PULUMI_STACK, else the only stack)")
    .option("-C, --cwd <dir>", "directory to search upward from for Pulumi.yaml")
    .option("--backend <urlOrDir>", "diy backend: a file:// URL or a directory (holding .pulumi)")
    .option("--history <file>", "audit exported files: the output of `pulumi stack history --json`")
    .option("--export <files...>", "outputs of `pulumi stack export [--version N]` (with --history, or alone: one update each)");
}

export function loadAuditSource(options: SourceOptions): AuditSource {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const project = tryProject(cwd);
  if (options.history !== undefined || options.export?.length) {
    const updates = readExportedHistory({ ...(options.history ? { historyFile: path.resolve(cwd, options.history) } : {}),
      exportFiles: (options.export ?? []).map((f) => path.resolve(cwd, f)) });
    const stack = options.stack ?? "exported";
    return { stack, updates, ...peopleOf(cwd, project ? options.stack : undefined) };
  }
  const source = backendSource(options);
  return { stack: source.stack, updates: readBackendHistory(source), historyDir: historyDirOf(source), ...peopleOf(cwd, source.stack) };
}

/** The diy backend and stack the options name, without reading anything yet. */
export function backendSource(options: SourceOptions): BackendSource {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const project = tryProject(cwd);
  if (!project) throw new UsageError(`no Pulumi.yaml in ${cwd} or above`, "Run inside the project, pass --cwd, or audit exported files with --history/--export.");
  const stack = usage(() => resolveStackName(project, options.stack));
  const url = options.backend ?? process.env.PULUMI_BACKEND_URL ?? project.backendUrl;
  const backendDir = url && !url.includes("://") ? path.resolve(cwd, url) : usage(() => backendRoot(url, project.dir));
  return { backendDir, project: project.name, stack };
}

function tryProject(cwd: string) {
  try {
    return findProject(cwd);
  } catch (err) {
    if (err instanceof ProjectError) return undefined;
    throw err;
  }
}

/** HR people of the stack's export with the kill switch's overrides, as the stack itself sees them; none without one. */
function peopleOf(cwd: string, stack: string | undefined): { people?: Person[] } {
  if (!stack) return {};
  let settings;
  try {
    settings = loadStackSettings({ cwd, stack });
  } catch {
    return {};
  }
  if (!settings.settings.hr) return {};
  const { file, ...hr } = settings.settings.hr;
  const hrFile = path.resolve(settings.stackDir, file);
  if (!existsSync(hrFile)) return {};
  const { people, issues } = readHrExport({ ...hr, file: hrFile });
  const errors = issues.filter((i) => i.severity === "error").length;
  if (errors) process.stderr.write(`warning: ${hrFile} has ${errors} error(s) (run idlc validate); rows with errors give no names or dates\n`);
  return { people: applyOverrides(people, readOverrides(path.join(path.dirname(hrFile), "overrides.yaml"))) };
}

/** Runs `fn`, turning a mistake in the command line (unknown stack, bad date or URL) into a usage error. */
export function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const isUsage = (err instanceof AuditSourceError && err.code === AuditCode.dateInvalid) || err instanceof ProjectError;
    if (isUsage) throw new UsageError((err as Error).message, (err as AuditSourceError).fix);
    throw err;
  }
}

const print = (text: string) => process.stdout.write(text);
const json = (value: unknown) => print(`${JSON.stringify(value, null, 2)}\n`);
const appOption = () => new Option("--app <app>", "only this app (entra, google, slack, scim, ldap, or scim:<instance>)");

export function register(program: Command): void {
  const audit = program.command("audit").description("the stack history as an audit trail: timelines, access on a date, reviews, metrics, tamper evidence");

  sourceOptions(audit.command("person <employeeId>").description("one person's access timeline per app, with the change behind each step"))
    .option("--json", "print JSON")
    .action((employeeId: string, o: SourceOptions & { json?: boolean }) => {
      const timeline = personTimeline(loadAuditSource(o).updates, employeeId);
      if (o.json) json(timeline);
      else print(formatTimeline(timeline));
    });

  sourceOptions(audit.command("access").description("everyone's access on a date, from the checkpoint in force then"))
    .requiredOption("--as-of <date>", "yyyy-MM-dd (the end of that day, UTC) or an RFC 3339 time")
    .addOption(appOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "csv", "json"]).default("text"))
    .action((o: SourceOptions & { asOf: string; app?: string; format: string }) => {
      usage(() => asOfInstant(o.asOf)); // a mistyped date is a usage error before any file is read
      const result = accessAsOf(loadAuditSource(o).updates, o.asOf, o.app ? { app: o.app } : {});
      if (o.format === "json") json(result);
      else if (o.format === "text") print(formatAccess(result));
      else print(toCsv(["employee_id", "name", "app", "entitlement", "enabled", "lifecycle", "privileged", "roles", "since", "approved_by"],
        result.rows.map((r) => [r.employeeId, r.name, r.app, r.entitlement, r.enabled, r.lifecycle, r.privileged, r.roles, r.since, r.approvedBy])));
    });

  sourceOptions(audit.command("review").description("access-review (certification) CSV of current access: person, manager, app, entitlement, role, since, approver"))
    .addOption(appOption())
    .addOption(new Option("--by <reviewer>", "who reviews each row").choices(["manager", "app"]).default("manager"))
    .option("--out <file>", "write the CSV here instead of stdout")
    .action((o: SourceOptions & { app?: string; by: "manager" | "app"; out?: string }) => {
      const source = loadAuditSource(o);
      const snapshots = buildSnapshots(source.updates);
      const csv = reviewCsv(accessReview(snapshots[snapshots.length - 1], { by: o.by, ...(o.app ? { app: o.app } : {}), ...(source.people ? { people: source.people } : {}) }));
      if (o.out) writeFileSync(o.out, csv);
      else print(csv);
    });

  sourceOptions(audit.command("metrics").description("time to provision and deprovision, percentiles, and leavers over the policy"))
    .option("--policy-hours <hours>", "deprovisioning policy in hours", (v) => positive(v), 24)
    .option("--now <time>", "measure still-open leavers to this time: RFC 3339, or a date meaning its end (default: now)")
    .option("--json", "print JSON")
    .action((o: SourceOptions & { policyHours: number; now?: string; json?: boolean }) => {
      const source = loadAuditSource(o);
      const metrics = auditMetrics(buildSnapshots(source.updates), { policyHours: o.policyHours, ...(source.people ? { people: source.people } : {}),
        ...(o.now ? { now: usage(() => asOfInstant(o.now!)) } : {}) });
      if (o.json) json(metrics);
      else print(formatMetrics(metrics));
    });

  sourceOptions(audit.command("verify").description("check the hash chain over history entries and checkpoints; exit 1 naming the first entry that does not match"))
    .option("--json", "print JSON")
    .action((o: SourceOptions & { json?: boolean }) => {
      if (o.history !== undefined || o.export?.length) throw new UsageError("verify checks a backend's history directory, not exported files", "Drop --history/--export.");
      // Only the chain and the files' bytes: a tampered checkpoint may not even parse, and must still be named.
      const result = verifyChain(historyDirOf(backendSource(o)));
      if (o.json) json(result);
      else print(formatVerification(result));
      process.exitCode = result.ok ? ExitCode.ok : ExitCode.failed;
    });
}

export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`"${value}" is not a positive number of hours`, "Give e.g. --policy-hours 24.");
  return n;
}
