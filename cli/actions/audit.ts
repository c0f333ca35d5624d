/** What the `idlc audit` subcommands do once parsed (cli/commands/audit.ts defines them), and the source they read. */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findProject, ProjectError, resolveStackName } from "../../engine/project";
import { backendRoot } from "../../engine/state";
import {
  accessAsOf,
  accessReview,
  auditMetrics,
  AuditCode,
  AuditSourceError,
  buildSnapshots,
  formatAccess,
  formatMetrics,
  formatTimeline,
  formatVerification,
  historyDirOf,
  listHistoryFiles,
  mergeStackHistories,
  personTimeline,
  readBackendHistory,
  readExportedHistory,
  reviewCsv,
  toCsv,
  verifyChain,
  asOfInstant,
  readEventChain,
  serviceLogFile,
  type AuditUpdate,
  type BackendSource,
  type ChainedEvent,
  type EventLogSpec,
  type HrTerminationEvent,
  type MetricsOptions,
} from "../../provider/audit";
import { loadStackSettings } from "../../provider/config";
import { readHrExport, type Person } from "../../provider/hr";
import { readTerminations, terminationsFile } from "../../provider/hr-sources";
import { readHrFile } from "../../provider/stack-files";
import { applyOverrides, readOverrides } from "../../provider/stack-plan";
import type { SourceOptions } from "../commands/audit";
import { ExitCode, UsageError } from "../exit";
import { shardsOfBase } from "../identity/deployment-base";
import { portalLogSpec } from "../identity/portal-log";

export interface AuditSource {
  stack: string;
  updates: AuditUpdate[];
  /** Set when reading a diy backend: where the history and its hash chain live (each shard's, for a split base). */
  histories?: StackHistory[];
  /** HR people (overrides applied), when the stack has an HR export. */
  people?: Person[];
  /** The reset portal's event chain (`idlc sspr`), when the stack has one: its file and its verified events. */
  serviceLog?: { file: string; events: ChainedEvent[] };
  /** When each leaver was terminated in HR, as `idlc hr pull` recorded it next to the export. */
  hrTerminations?: HrTerminationEvent[];
}

/** One stack's history directory and the portal log its chain anchors; `stack` is set for each shard of a split base. */
export interface StackHistory {
  stack?: string;
  dir: string;
  portalLog: EventLogSpec;
}

/**
 * The histories a diy-backend source reads: the stack's own; for a split base, each shard's that has one, after the
 * base's own when it was kept from before the split. None at all: the base's own, whose reader says it is missing.
 */
function historiesOf(source: BackendSource, projectDir: string): StackHistory[] {
  const of = (stack: string) => ({
    dir: historyDirOf({ ...source, stack }),
    portalLog: portalLogSpec(projectDir, stack),
  });
  const shards = shardsOfBase(source.stack, projectDir);
  if (shards.length === 0) return [of(source.stack)];
  const kept = [source.stack, ...shards.map((s) => s.stack)]
    .map((stack) => ({ stack, ...of(stack) }))
    .filter((h) => listHistoryFiles(h.dir).length > 0);
  return kept.length ? kept : [of(source.stack)];
}

/** Each history's hash chain verified, tagged with its shard for a split base. */
export function verifyHistories(histories: readonly StackHistory[]) {
  return histories.map(({ stack, dir, portalLog }) => ({
    ...(stack ? { stack } : {}),
    ...verifyChain(dir, [portalLog]),
  }));
}

export function loadAuditSource(options: SourceOptions): AuditSource {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const project = tryProject(cwd);
  if (options.history !== undefined || options.export?.length) {
    const updates = readExportedHistory({
      ...(options.history ? { historyFile: path.resolve(cwd, options.history) } : {}),
      exportFiles: (options.export ?? []).map((f) => path.resolve(cwd, f)),
    });
    const stack = options.stack ?? "exported";
    return {
      stack,
      updates,
      ...peopleOf(cwd, project ? options.stack : undefined),
      ...(project && options.stack ? serviceLogOf(project.dir, options.stack) : {}),
    };
  }
  const source = backendSource(options);
  const projectDir = tryProject(cwd)!.dir;
  const histories = historiesOf(source, projectDir);
  const read = (stack: string) => ({ stack, updates: readBackendHistory({ ...source, stack }) });
  // A split base holds no account of its own: the company is its shards' histories, read as one, after the base's
  // own from before the split.
  const shards = histories.flatMap(({ stack }) => (stack && stack !== source.stack ? [stack] : []));
  const before = histories.some((h) => h.stack === source.stack) ? read(source.stack) : undefined;
  const updates = shards.length ? mergeStackHistories(shards.map(read), before) : readBackendHistory(source);
  return {
    stack: source.stack,
    updates,
    histories,
    ...peopleOf(cwd, source.stack),
    ...serviceLogOf(projectDir, source.stack),
  };
}

/** The portal's log, when the stack has one; a log that does not verify gives only its proven lines, and a warning. */
function serviceLogOf(projectDir: string, stack: string): Pick<AuditSource, "serviceLog"> {
  const file = serviceLogFile(projectDir, stack);
  if (!existsSync(file)) return {};
  const { events, verification } = readEventChain(file);
  const broken = verification.firstMismatch;
  if (broken) {
    process.stderr.write(
      `warning: ${file} line ${broken.line}: ${broken.reason}; ` +
        "later events are left out (run idlc audit verify)\n",
    );
  }
  return { serviceLog: { file, events } };
}

/** The diy backend and stack the options name, without reading anything yet. */
export function backendSource(options: SourceOptions): BackendSource {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const project = tryProject(cwd);
  if (!project)
    throw new UsageError(
      `no Pulumi.yaml in ${cwd} or above`,
      "Run inside the project, pass --cwd, or audit exported files with --history/--export.",
    );
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
function peopleOf(cwd: string, stack: string | undefined): Pick<AuditSource, "people" | "hrTerminations"> {
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
  const { people, issues } = readHrExport({ ...hr, file: hrFile, bytes: readHrFile(hrFile) });
  const errors = issues.filter((i) => i.severity === "error").length;
  if (errors)
    process.stderr.write(
      `warning: ${hrFile} has ${errors} error(s) (run idlc validate); rows with errors give no names or dates\n`,
    );
  return {
    people: applyOverrides(people, readOverrides(path.join(path.dirname(hrFile), "overrides.yaml"))),
    hrTerminations: readTerminations(terminationsFile(hrFile)),
  };
}

/** Runs `fn`, turning a mistake in the command line (unknown stack, bad date or URL) into a usage error. */
export function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const isUsage =
      (err instanceof AuditSourceError && err.code === AuditCode.dateInvalid) || err instanceof ProjectError;
    if (isUsage) throw new UsageError((err as Error).message, (err as AuditSourceError).fix);
    throw err;
  }
}

const print = (text: string) => process.stdout.write(text);
const json = (value: unknown) => print(`${JSON.stringify(value, null, 2)}\n`);

export function person(employeeId: string, o: SourceOptions & { json?: boolean }): void {
  const source = loadAuditSource(o);
  const timeline = personTimeline(source.updates, employeeId, undefined, source.serviceLog?.events);
  if (o.json) json(timeline);
  else print(formatTimeline(timeline));
}

export function access(o: SourceOptions & { asOf: string; app?: string; format: string }): void {
  usage(() => asOfInstant(o.asOf)); // a mistyped date is a usage error before any file is read
  const result = accessAsOf(loadAuditSource(o).updates, o.asOf, o.app ? { app: o.app } : {});
  if (o.format === "json") json(result);
  else if (o.format === "text") print(formatAccess(result));
  else
    print(
      toCsv(
        [
          "employee_id",
          "name",
          "app",
          "entitlement",
          "enabled",
          "lifecycle",
          "privileged",
          "roles",
          "since",
          "approved_by",
        ],
        result.rows.map((r) => [
          r.employeeId,
          r.name,
          r.app,
          r.entitlement,
          r.enabled,
          r.lifecycle,
          r.privileged,
          r.roles,
          r.since,
          r.approvedBy,
        ]),
      ),
    );
}

export function review(o: SourceOptions & { app?: string; by: "manager" | "app"; out?: string }): void {
  const source = loadAuditSource(o);
  const snapshots = buildSnapshots(source.updates);
  const csv = reviewCsv(
    accessReview(snapshots[snapshots.length - 1], {
      by: o.by,
      ...(o.app ? { app: o.app } : {}),
      ...(source.people ? { people: source.people } : {}),
    }),
  );
  if (o.out) writeFileSync(o.out, csv);
  else print(csv);
}

export function metrics(o: SourceOptions & { policyHours: number; now?: string; json?: boolean }): void {
  const source = loadAuditSource(o);
  const result = auditMetrics(buildSnapshots(source.updates), {
    policyHours: o.policyHours,
    ...peopleOptions(source),
    ...(o.now ? { now: usage(() => asOfInstant(o.now!)) } : {}),
  });
  if (o.json) json(result);
  else print(formatMetrics(result));
}

/** What metrics take from the stack's HR side: people and the recorded terminations, when it has them. */
export function peopleOptions(source: AuditSource): Pick<MetricsOptions, "people" | "hrTerminations"> {
  return {
    ...(source.people ? { people: source.people } : {}),
    ...(source.hrTerminations ? { hrTerminations: source.hrTerminations } : {}),
  };
}

export function verify(o: SourceOptions & { json?: boolean }): void {
  if (o.history !== undefined || o.export?.length)
    throw new UsageError("verify checks a backend's history directory, not exported files", "Drop --history/--export.");
  // Only the chain and the files' bytes: a tampered checkpoint may not even parse, and must still be named.
  const source = backendSource(o);
  const results = verifyHistories(historiesOf(source, tryProject(path.resolve(o.cwd ?? process.cwd()))!.dir));
  const ok = results.every((r) => r.ok);
  // A split base: every shard's own chain, named.
  const split = results.some((r) => r.stack !== undefined);
  if (o.json) json(split ? { ok, shards: results } : results[0]);
  else print(results.map((r) => `${r.stack ? `${r.stack}:\n` : ""}${formatVerification(r)}`).join(""));
  process.exitCode = ok ? ExitCode.ok : ExitCode.failed;
}
