/**
 * The portal's state — token hashes, rate counters and activation progress — in one JSON file under the stack's
 * work dir, mode 0600, replaced atomically (write a sibling, then rename) so a crash never leaves half a file and
 * a restart keeps every limit and every issued link.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SsprError } from "./errors";

const TokenRecordSchema = z.object({
  hash: z.string(),
  employeeId: z.string(),
  purpose: z.enum(["reset", "activation", "helpdesk"]),
  issuedAt: z.number(),
  expiresAt: z.number(),
  usedAt: z.number().optional(),
  code: z.object({ hash: z.string(), expiresAt: z.number(), failures: z.number().int() }).optional(),
});

const ActivationSchema = z.object({ sentAt: z.number(), expiresAt: z.number(), completedAt: z.number().optional() });

export const SsprState = z.object({
  version: z.literal(1),
  tokens: z.array(TokenRecordSchema),
  rates: z.record(z.string(), z.array(z.number())),
  /** Employee id → their activation link's progress (files written before activation existed have none). */
  activations: z.record(z.string(), ActivationSchema).default({}),
});
export type SsprState = z.infer<typeof SsprState>;

export const EMPTY_STATE: SsprState = { version: 1, tokens: [], rates: {}, activations: {} };

export function readState(file: string): SsprState {
  if (!existsSync(file)) return EMPTY_STATE;
  try {
    return SsprState.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (cause) {
    throw new SsprError(
      "SSPR_STATE_INVALID",
      `${file} is not a valid sspr state file`,
      "Stop the portal and delete the file: issued links stop working and rate counters restart.",
      { file },
      cause,
    );
  }
}

export function writeState(file: string, state: SsprState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export interface StateStore {
  current(): SsprState;
  save(state: SsprState): void;
}

/**
 * The state file as one process sees it, re-read whenever another process replaced it since (a running portal and
 * `idlc sspr send-link`/`activate` share it): one stat per read, a parse only after another writer.
 */
export function stateStore(file: string): StateStore {
  let stamp = "unread";
  let state = EMPTY_STATE;
  return {
    current() {
      const now = stampOf(file);
      if (now !== stamp) [state, stamp] = [readState(file), now];
      return state;
    },
    save(next) {
      writeState(file, next);
      [state, stamp] = [next, stampOf(file)];
    },
  };
}

function stampOf(file: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : "none";
}
