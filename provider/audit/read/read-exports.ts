/**
 * Audit of a stack on any backend, from exported files: `pulumi stack history --json` plus one or more
 * `pulumi stack export [--version N]` files. Each export is the state after the update it was taken from.
 */
import { readFileSync } from "node:fs";
import { AuditCode, AuditSourceError } from "../errors";
import { parseHistoryJson, parseStackExport, type StateRecord, type UpdateRecord } from "./parse";
import { numberUpdates, type AuditUpdate } from "./update";

export interface ExportedSource {
  /** A file written by `pulumi stack history --json`. */
  historyFile?: string;
  /** Files written by `pulumi stack export`. */
  exportFiles: string[];
}

export function readExportedHistory(source: ExportedSource): AuditUpdate[] {
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (cause) {
      throw new AuditSourceError(
        AuditCode.sourceMissing,
        `cannot read ${file}: ${(cause as Error).message}`,
        "Check the path.",
        { file },
        cause,
      );
    }
  };
  const records = source.historyFile ? parseHistoryJson(read(source.historyFile), source.historyFile) : [];
  const states = source.exportFiles.map((file) => ({ ...parseStackExport(read(file), file), file }));
  return joinExports(records, states);
}

/**
 * Gives each update the export taken after it: an export belongs to the last update that started at or before
 * its manifest time (the latest export wins when several do). Without a history file, each export stands for
 * one update of its own.
 */
export function joinExports(records: UpdateRecord[], states: Array<StateRecord & { file: string }>): AuditUpdate[] {
  if (records.length === 0) {
    return numberUpdates(
      states.map((s) => {
        if (!s.time) throw timeless(s.file);
        return {
          kind: "update",
          result: "succeeded",
          startTime: s.time,
          endTime: s.time,
          message: `pulumi stack export ${s.file}`,
          environment: { raw: {} },
          resourceChanges: {},
          resources: s.resources,
          source: { checkpoint: s.file },
        };
      }),
    );
  }
  const updates = numberUpdates(records);
  const chosen = new Map<number, StateRecord & { file: string }>();
  for (const state of states) {
    if (!state.time) throw timeless(state.file);
    const owner = updates.filter((u) => Date.parse(u.startTime) <= Date.parse(state.time!)).pop();
    if (!owner) {
      throw new AuditSourceError(
        AuditCode.exportInvalid,
        `${state.file} was written at ${state.time}, before the first update in the history`,
        "Give exports of this stack's updates only.",
        { file: state.file },
      );
    }
    const prior = chosen.get(owner.version);
    if (!prior || prior.time! < state.time) chosen.set(owner.version, state);
  }
  return updates.map((u) => {
    const state = chosen.get(u.version);
    return state ? { ...u, resources: state.resources, source: { ...u.source, checkpoint: state.file } } : u;
  });
}

const timeless = (file: string) =>
  new AuditSourceError(
    AuditCode.exportInvalid,
    `${file} has no deployment.manifest.time`,
    "Give the file exactly as `pulumi stack export` wrote it.",
    { file },
  );
