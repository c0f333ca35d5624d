/**
 * Pure parsers from file text to audit values: diy history entries and checkpoints, `pulumi stack history --json`
 * and `pulumi stack export` output. Each error names the file and the field.
 */
import { z } from "zod";
import { AuditCode, AuditSourceError } from "../errors";
import { auditResources, type AuditResource } from "./resources";
import { isoFromUnix, updateEnvironment, type AuditUpdate } from "./update";
import { CheckpointFileWire, HistoryEntryWire, HistoryJsonWire, StackExportWire } from "./wire";

/** An update before it is numbered and joined with its checkpoint. */
export type UpdateRecord = Omit<AuditUpdate, "version" | "resources"> & { version?: number };

/** The idlc resources of a checkpoint or export, and when that state was written (manifest time). */
export interface StateRecord {
  time?: string;
  resources: AuditResource[];
}

function parseJson<T>(text: string, file: string, schema: z.ZodType<T>, code: AuditCode, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new AuditSourceError(
      code,
      `${file} is not JSON: ${(cause as Error).message}`,
      `Give ${what}, or move the damaged file aside.`,
      { file },
      cause,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AuditSourceError(
      code,
      `${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`,
      `Give ${what}, or move the damaged file aside.`,
      { file, field: issue.path.join(".") },
    );
  }
  return parsed.data;
}

/** One diy `<stack>-<nano>.history.json` (backend.UpdateInfo). */
export function parseHistoryEntry(text: string, file: string): UpdateRecord {
  const e = parseJson(
    text,
    file,
    HistoryEntryWire,
    AuditCode.historyInvalid,
    "a Pulumi history entry (backend.UpdateInfo)",
  );
  return {
    ...(e.version ? { version: e.version } : {}),
    kind: e.kind,
    result: e.result,
    startTime: isoFromUnix(e.startTime),
    ...(e.endTime !== undefined && e.result !== "in-progress" ? { endTime: isoFromUnix(e.endTime) } : {}),
    message: e.message ?? "",
    environment: updateEnvironment(e.environment),
    resourceChanges: e.resourceChanges ?? {},
    source: { history: file },
  };
}

/** A diy checkpoint: the stack file or a history `.checkpoint.json` copy. */
export function parseCheckpoint(text: string, file: string): StateRecord {
  const c = parseJson(
    text,
    file,
    CheckpointFileWire,
    AuditCode.checkpointInvalid,
    "a Pulumi checkpoint ({version, checkpoint})",
  );
  const latest = c.checkpoint.latest;
  return {
    ...(latest?.manifest ? { time: latest.manifest.time } : {}),
    resources: auditResources(latest?.resources ?? [], file),
  };
}

/** `pulumi stack export` output (`{version, deployment}`). */
export function parseStackExport(text: string, file: string): StateRecord {
  const e = parseJson(text, file, StackExportWire, AuditCode.exportInvalid, "the output of `pulumi stack export`");
  const time = e.deployment.manifest?.time;
  return {
    ...(time ? { time: parseTime(time, file) } : {}),
    resources: auditResources(e.deployment.resources ?? [], file),
  };
}

/** `pulumi stack history --json` output: updates, returned oldest first. */
export function parseHistoryJson(text: string, file: string): UpdateRecord[] {
  const entries = parseJson(
    text,
    file,
    HistoryJsonWire,
    AuditCode.historyInvalid,
    "the output of `pulumi stack history --json`",
  );
  return entries.reverse().map((e) => ({
    ...(e.version ? { version: e.version } : {}),
    kind: e.kind,
    result: e.result ?? "in-progress",
    startTime: parseTime(e.startTime, file),
    ...(e.endTime ? { endTime: parseTime(e.endTime, file) } : {}),
    message: e.message ?? "",
    environment: updateEnvironment(e.environment),
    resourceChanges: e.resourceChanges ?? {},
    source: { history: file },
  }));
}

/**
 * A time as the Pulumi CLI prints it: RFC 3339 / RFC 5424 (current), or Go's `time.String()` form
 * `2006-01-02 15:04:05.999 +0000 UTC` (older CLIs). Returns RFC 3339 in UTC.
 */
export function parseTime(text: string, file: string): string {
  const go = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2})(\d{2})(?: \S+)?$/.exec(text.trim());
  const candidate = go ? `${go[1]}T${go[2]}${go[3]}:${go[4]}` : text.trim();
  const ms = Date.parse(candidate);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}[T ]/.test(candidate)) {
    throw new AuditSourceError(
      AuditCode.historyInvalid,
      `${file}: "${text}" is not a time`,
      "Give the file exactly as `pulumi stack history --json` printed it.",
      { file },
    );
  }
  return new Date(ms).toISOString();
}
