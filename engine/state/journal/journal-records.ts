import { z } from "zod";
import { pendingOperationTypes, secretsProvidersSchema, type ResourceV3 } from "../checkpoint/apitype";

/*
 * The journal: `stacks/<project>/<stack>.journal.jsonl`, next to the checkpoint, one JSON object per line, appended
 * while an update runs and removed once the checkpoint is written. The checkpoint itself is never rewritten per
 * step. Records, in order:
 *
 *   {"kind":"start","version":1,"operation":"update","startTime":<unix ms>,"baseTime":"<base manifest.time>"|null,
 *    "secretsProviders":{...}}
 *   {"kind":"blob","id":<n>,"text":"..."}               a long `__provider` text, then referenced as {"$blob":<n>}
 *   {"kind":"begin","op":<n>,"type":"creating|updating|deleting|reading","resource":<ResourceV3>}   fsync'ed
 *   {"kind":"end","op":<n>}
 *   {"kind":"upsert","resource":<ResourceV3>}            new state for a URN (or its `delete: true` old state)
 *   {"kind":"same","urn":"<urn>"}                        the base state of this URN is kept
 *   {"kind":"remove","urn":"<urn>","delete":true?}       the (pending-delete) entry of this URN is gone
 *   {"kind":"commit","time":"<manifest.time>"}           fsync'ed just before the final checkpoint is written
 *
 * Resources are in checkpoint form (secrets already encrypted), so the journal holds no plaintext secret.
 * Recovery replays the records onto the checkpoint the run started from (`baseTime` must match its manifest
 * time); ops begun but not ended become `pending_operations`. A `commit` whose time equals the checkpoint's
 * manifest time means the run finished and only the journal's removal was lost.
 */
export const JOURNAL_VERSION = 1;

// The journal is this engine's own file, so its resources get an envelope check only (a full ResourceV3 parse
// of 20,000 records costs more than the replay itself); the final checkpoint still passes the integrity check.
const journalResource = z.custom<ResourceV3>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as ResourceV3).urn === "string" &&
    typeof (value as ResourceV3).type === "string",
  "a resource needs `urn` and `type`",
);

export const journalRecordSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("start"),
    version: z.literal(JOURNAL_VERSION),
    operation: z.enum(["update", "refresh", "destroy"]),
    startTime: z.number(),
    baseTime: z.string().nullable(),
    secretsProviders: secretsProvidersSchema.optional(),
  }),
  z.object({
    kind: z.literal("begin"),
    op: z.number(),
    type: z.enum(pendingOperationTypes),
    resource: journalResource,
  }),
  z.object({ kind: z.literal("blob"), id: z.number(), text: z.string() }),
  z.object({ kind: z.literal("end"), op: z.number() }),
  z.object({ kind: z.literal("upsert"), resource: journalResource }),
  z.object({ kind: z.literal("same"), urn: z.string() }),
  z.object({ kind: z.literal("remove"), urn: z.string(), delete: z.boolean().optional() }),
  z.object({ kind: z.literal("commit"), time: z.string() }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type StartRecord = Extract<JournalRecord, { kind: "start" }>;
