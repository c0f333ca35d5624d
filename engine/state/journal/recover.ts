import { rm } from "node:fs/promises";
import type { DeploymentV3 } from "../checkpoint/apitype";
import { canonicalDeployment, type ReadCheckpoint } from "../checkpoint/checkpoint";
import { DeploymentModel } from "../checkpoint/deployment-model";
import { BlobReader } from "./journal-blobs";
import { StateCode, StateError } from "../errors";
import { isMissing } from "../backend/files";
import { readJournalLines } from "./journal-file";
import { journalRecordSchema, type JournalRecord, type StartRecord } from "./journal-records";
import { newManifest } from "../backend/manifest";

export interface Recovered {
  deployment: DeploymentV3;
  start: StartRecord;
}

function parseRecords(raw: unknown[], file: string): JournalRecord[] {
  return raw.map((record, index) => {
    const parsed = journalRecordSchema.safeParse(record);
    if (!parsed.success) {
      throw new StateError(
        StateCode.journalInvalid,
        `${file}:${index + 1}: not a journal record this engine wrote`,
        "move the journal aside and restore the checkpoint from its .bak",
        { file, row: index + 1 },
      );
    }
    return parsed.data;
  });
}

/** Applies a crashed run's mutations to the checkpoint it started from (pure). Open ops become `pending_operations`. */
export function replayJournal(current: DeploymentV3 | undefined, records: JournalRecord[]): DeploymentV3 {
  const start = records[0] as StartRecord;
  const model = new DeploymentModel(current);
  const blobs = new BlobReader();
  for (const record of records.slice(1)) {
    switch (record.kind) {
      case "blob":
        blobs.add(record.id, record.text);
        break;
      case "begin":
        model.begin(record.op, { type: record.type, resource: blobs.expand(record.resource) });
        break;
      case "end":
        model.end(record.op);
        break;
      case "upsert":
        model.upsert(blobs.expand(record.resource));
        break;
      case "same":
        model.same(record.urn);
        break;
      case "remove":
        model.remove(record.urn, record.delete ?? false);
        break;
      default:
        break; // "start" appears once, first; "commit" only marks a finished run
    }
  }
  const secrets = start.secretsProviders ?? current?.secrets_providers;
  return canonicalDeployment({
    manifest: newManifest(),
    ...(secrets ? { secrets_providers: secrets } : {}),
    resources: model.resources(),
    pending_operations: model.pendingOperations(),
  });
}

/**
 * Reads the journal left by a crashed run. Returns undefined when there is nothing to replay (no journal, an empty
 * one, or one whose run had already committed its checkpoint) — removing such a journal.
 * @throws StateError when the journal belongs to another checkpoint than the one on disk.
 */
export async function recoverJournal(
  file: string,
  checkpoint: ReadCheckpoint | undefined,
): Promise<Recovered | undefined> {
  let raw: unknown[];
  try {
    raw = await readJournalLines(file);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  const records = parseRecords(raw, file);
  const first = records[0];
  const currentTime = checkpoint?.deployment?.manifest.time ?? null;
  const committed = records.some((r) => r.kind === "commit" && r.time === currentTime);
  if (!first || committed) {
    await rm(file, { force: true });
    return undefined;
  }
  if (first.kind !== "start")
    throw new StateError(
      StateCode.journalInvalid,
      `${file}:1: the journal does not begin with a start record`,
      "move the journal aside and restore the checkpoint from its .bak",
      { file },
    );
  if (first.baseTime !== currentTime) {
    throw new StateError(
      StateCode.journalInvalid,
      `${file} was written against the checkpoint of ${first.baseTime ?? "an empty stack"}, but the checkpoint on disk is from ${currentTime ?? "an empty stack"}`,
      "restore the checkpoint the run started from (stacks/…json.bak or backups/), or move the journal aside to discard that run's record",
      { file },
    );
  }
  return { deployment: replayJournal(checkpoint?.deployment, records), start: first };
}
