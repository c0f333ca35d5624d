/** What `idlc hr pull` does once parsed (cli/commands/hr.ts defines the command). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findProject, listStackConfig, loadStackConfig, openStackSecrets } from "../../engine/project";
import { passphraseFromEnv } from "../../engine/secrets";
import type { JmlDiff } from "../../provider/access";
import { StackConfigError, type StackSettings } from "../../provider/config";
import { formatIssue } from "../../errors";
import * as sources from "../../provider/hr-sources";
import { sharedRequestCounter } from "../../provider/net";
import { appendOverride, loadStackPlan } from "../../provider/stack-plan";
import type { HrPullOptions } from "../commands/hr";
import { ExitCode, UsageError } from "../exit";
import { cutoffNow } from "../identity/cutoff-now";
import { stackSettings } from "../stack-options";
import { runDiff } from "./diff";

export async function runHrPull(options: HrPullOptions, cwd: string): Promise<number> {
  if (options.check && options.applyLeavers)
    throw new UsageError("--check and --apply-leavers exclude each other", "Give one of them.");
  const startedAt = Date.now();
  const today = new Date(startedAt).toISOString().slice(0, 10);
  const stack = stackSettings(options.stack, cwd);
  const { read: hr, fastLane, source, file } = pullSettings(stack);
  if (options.applyLeavers && fastLane !== "leavers") {
    throw new UsageError(
      "--apply-leavers is off for this stack",
      "Set identity:hr.fastLane: leavers in the stack file to allow it.",
    );
  }
  const credential = source.sandbox ? undefined : await hrCredential(stack);
  const connection = sources.resolveConnection(source, credential, stack.project.dir, today);
  const calls = () => sharedRequestCounter().get(`hr-${source.vendor}`).total;
  const name = path.relative(cwd, file) || file;
  const read = { ...hr, file: name };

  const committed = sources.readCommittedExport(file, name, hr.encoding)?.text;
  const since = options.full ? undefined : sources.feedSince(stack.project.dir, stack.stack, source.vendor, committed);
  if (
    since !== undefined &&
    (await sources.changedSince(sources.vendors[source.vendor], connection, since)) === false
  ) {
    return report(options, {
      vendor: source.vendor,
      file: name,
      changed: false,
      written: false,
      calls: calls(),
      note: `no change in ${source.vendor} since ${since}`,
    });
  }

  process.stderr.write(`pulling everyone from ${source.vendor}…\n`);
  const pulled = await sources.pullExport({
    vendor: source.vendor,
    connection,
    file,
    read,
    anomaly: stack.settings.anomaly,
  });
  const fetchedAt = Date.now();
  const anomaly = (code: string) => code.startsWith("HR_ANOMALY_");
  const errors = pulled.issues.filter((i) => i.severity === "error" && !(options.acceptAnomalies && anomaly(i.code)));
  for (const issue of pulled.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (errors.length > 0 || pulled.text === undefined || pulled.bytes === undefined) {
    process.stderr.write(
      `hr pull refused (${errors.length} error${errors.length === 1 ? "" : "s"}): ${name} is unchanged\n`,
    );
    if (options.json)
      process.stdout.write(`${JSON.stringify({ ok: false, vendor: source.vendor, file: name, errors }, null, 2)}\n`);
    return ExitCode.failed;
  }
  const diff =
    (options.json || options.applyLeavers) && pulled.previousText !== undefined && pulled.changed
      ? jmlDiff(stack, file, pulled.bytes, cwd)
      : undefined;
  const write = pulled.changed && !options.check;
  // Before writing: a change feed that fails here leaves the export as it was, like any failed pull.
  const terminations = write
    ? await sources.pulledTerminations(sources.vendors[source.vendor], connection, pulled, fetchedAt)
    : [];
  if (write) sources.writeExport(file, pulled.bytes);
  sources.recordTerminations(sources.terminationsFile(file), terminations);
  if (!options.check) sources.saveFeedMarker(stack.project.dir, stack.stack, source.vendor, startedAt, pulled.text);
  const code = report(options, {
    vendor: source.vendor,
    file: name,
    people: pulled.people.length,
    changed: pulled.changed,
    written: write,
    calls: calls(),
    diff,
  });
  if (options.check) return pulled.changed ? ExitCode.failed : ExitCode.ok;
  return options.applyLeavers ? applyLeavers(stack, source.vendor, diff, today, { terminations, file }) : code;
}

/** `identity:hr` with its `source` checked strictly, and the export's absolute path. */
function pullSettings(stack: StackSettings) {
  const hr = stack.settings.hr;
  const fix = "Add identity:hr.source, e.g. `source: {vendor: bamboohr, companyDomain: acme}` (docs/HR.md).";
  if (!hr?.source)
    throw new StackConfigError("CONFIG_INVALID", `${stack.stackFile} has no identity:hr.source`, fix, {
      file: stack.stackFile,
    });
  const parsed = sources.HrSourceSettings.safeParse(hr.source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `identity:hr.source${i.path.map((p) => `.${String(p)}`).join("")}: ${i.message}`,
    );
    throw new StackConfigError("CONFIG_INVALID", `${stack.stackFile}: ${problems.join("; ")}`, fix, {
      file: stack.stackFile,
    });
  }
  const { file, source: _source, fastLane, ...read } = hr;
  return { read, fastLane, source: parsed.data, file: path.resolve(stack.stackDir, file) };
}

/** The stack secret holding the HR credential; a credential written in plain text is refused. */
async function hrCredential(stack: StackSettings): Promise<string | undefined> {
  const engineProject = findProject(stack.project.dir);
  const entry = (await listStackConfig(engineProject, stack.stack)).entries.find(
    (e) => e.key === sources.credentialKey,
  );
  if (!entry) return undefined;
  if (!entry.secret) {
    throw new sources.HrPullError(
      "HR_PULL_CREDENTIAL",
      `${sources.credentialKey} is stored in plain text in ${stack.stackFile}`,
      `Remove it and set it again with \`idlc config set --secret ${sources.credentialKey}\`.`,
    );
  }
  const secrets = await openStackSecrets(engineProject, stack.stack, {
    passphrase: passphraseFromEnv(),
    persist: false,
  });
  return (await loadStackConfig(engineProject, stack.stack, secrets)).config[sources.credentialKey];
}

/**
 * The joiners/movers/leavers between the committed export and the pulled one, as `idlc diff` computes them: both
 * as bytes in the stack's encoding, which is how `idlc diff` reads an export.
 */
function jmlDiff(stack: StackSettings, committedFile: string, pulled: Uint8Array, cwd: string): JmlDiff {
  const dir = mkdtempSync(path.join(tmpdir(), "idlc-hr-pull-"));
  try {
    writeFileSync(path.join(dir, "after.csv"), pulled);
    return JSON.parse(
      runDiff({ stack: stack.stack, from: committedFile, to: path.join(dir, "after.csv"), format: "json" }, cwd),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface PullReport {
  vendor: string;
  file: string;
  people?: number;
  changed: boolean;
  written: boolean;
  calls: number;
  diff?: JmlDiff;
  note?: string;
}

function report(options: HrPullOptions, r: PullReport): number {
  const counts = r.diff && {
    joiners: r.diff.joiners.length,
    movers: r.diff.movers.length,
    leavers: r.diff.leavers.length,
    rehires: r.diff.rehires.length,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, ...r, summary: counts }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const what = r.note ?? `${r.people} people`;
  const verdict = !r.changed ? "unchanged" : r.written ? "written" : "differs from the HR system";
  const summary = counts
    ? ` (${counts.joiners} joiners, ${counts.movers} movers, ${counts.leavers} leavers, ${counts.rehires} rehires)`
    : "";
  process.stdout.write(
    `${r.vendor}: ${what}, ${r.calls} API call${r.calls === 1 ? "" : "s"}; ${r.file} ${verdict}${summary}\n`,
  );
  return ExitCode.ok;
}

/**
 * The fast lane: the people this pull turned into leavers are recorded as overrides (so the default branch keeps
 * them disabled until the export's PR merges) and applied now by a targeted `up`, as `idlc kill` does. Joiners
 * and movers wait for the PR.
 */
async function applyLeavers(
  stack: StackSettings,
  vendor: string,
  diff: JmlDiff | undefined,
  today: string,
  pulled: { terminations: readonly sources.HrTermination[]; file: string },
): Promise<number> {
  const leavers = (diff?.leavers ?? []).filter((l) => l.disabled.length > 0).map((l) => l.employeeId);
  if (leavers.length === 0) {
    process.stdout.write("fast lane: no new leavers\n");
    return ExitCode.ok;
  }
  const { overridesFile, plan } = loadStackPlan({ cwd: stack.project.dir, stack: stack.stack, asOf: today });
  const at = new Date().toISOString();
  for (const employeeId of leavers) {
    appendOverride(overridesFile, {
      employeeId,
      action: "terminate",
      at,
      by: `idlc hr pull (${vendor})`,
      reason: `terminated in ${vendor}; applied by the leaver fast lane`,
    });
  }
  process.stderr.write(`fast lane: disabling ${leavers.join(", ")} now; joiners and movers wait for the PR\n`);
  const code = await cutoffNow(leavers, { stack: stack.stack, cwd: stack.project.dir, asOf: today, plan });
  const file = path.relative(process.cwd(), overridesFile);
  const record = path.relative(process.cwd(), sources.terminationsFile(pulled.file));
  process.stdout.write(
    `${code === 0 ? "Disabled" : "The fast lane did not complete for"} ${leavers.join(", ")}.\n` +
      (code === 0 ? elapsed(leavers, pulled.terminations, Date.now()) : "") +
      "Record it in Git:\n" +
      `  git add ${file} ${record} && git commit -m "hr fast lane: ${leavers.join(", ")} terminated in ${vendor}"\n`,
  );
  return code;
}

/** One line per leaver: terminated in HR → disabled in every app, as `idlc audit metrics` will report it. */
function elapsed(leavers: readonly string[], terminations: readonly sources.HrTermination[], now: number): string {
  const start = new Map(terminations.map((t) => [t.employeeId, t]));
  return leavers
    .flatMap((id) => {
      const t = start.get(id);
      if (!t) return [];
      const seconds = ((now - Date.parse(t.terminatedInHr)) / 1000).toFixed(1);
      return [`  ${id}: terminated in HR ${t.terminatedInHr} (${t.from}) → disabled in every app in ${seconds} s\n`];
    })
    .join("");
}
