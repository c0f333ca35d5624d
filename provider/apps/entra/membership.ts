import { HttpError, kindForStatus } from "../../net";
import { retryWhen } from "../shared";
import type { BatchAnswer, BatchPart, EntraClient } from "./client";

/** One membership change: add or remove a user (or group) from a group. */
export interface MembershipChange {
  op: "add" | "remove";
  groupId: string;
  memberId: string;
}

const BATCH_LIMIT = 20;

/** Whether an inner answer means the change holds: added (204) or already there (400), removed (204) or not a member (404). */
export function settled(change: MembershipChange, answer: BatchAnswer): boolean {
  if (answer.status >= 200 && answer.status < 300) return true;
  const message = String((answer.body as { error?: { message?: string } } | undefined)?.error?.message ?? "");
  if (change.op === "add") return answer.status === 400 && /already exist/i.test(message);
  return answer.status === 404;
}

/** Inner failures worth another round: throttling, server trouble, and the 404 of a just-created object on add. */
function transient(change: MembershipChange, answer: BatchAnswer): boolean {
  return answer.status === 429 || answer.status >= 500 || (change.op === "add" && answer.status === 404);
}

function partOf(client: EntraClient, change: MembershipChange, id: string): BatchPart {
  return change.op === "add"
    ? { id, method: "POST", url: `/groups/${change.groupId}/members/$ref`, body: client.ref(change.memberId) }
    : { id, method: "DELETE", url: `/groups/${change.groupId}/members/${change.memberId}/$ref` };
}

/**
 * Applies membership changes through `$batch`, 20 per request. Inner 429/5xx and add-404s (replica lag) are retried
 * in further rounds with the shared backoff, honouring the largest inner Retry-After; other inner failures throw.
 */
export async function applyMembership(client: EntraClient, changes: MembershipChange[]): Promise<void> {
  for (let start = 0; start < changes.length; start += BATCH_LIMIT) {
    let pending = changes.slice(start, start + BATCH_LIMIT);
    await retryWhen(
      (error) => error.apiCode === "BatchPartRetry",
      async () => {
        const answers = await client.batch(pending.map((c, i) => partOf(client, c, String(i))));
        const byId = new Map(answers.map((a) => [a.id, a]));
        const failed = pending
          .map((c, i) => ({ change: c, answer: byId.get(String(i)) ?? { id: String(i), status: 0 } }))
          .filter(({ change, answer }) => !settled(change, answer));
        const fatal = failed.find(({ change, answer }) => !transient(change, answer));
        if (fatal) throw batchError(fatal.change, fatal.answer, "");
        pending = failed.map((f) => f.change);
        if (pending.length === 0) return;
        const retryAfter = Math.max(0, ...failed.map((f) => Number(f.answer.headers?.["Retry-After"] ?? 0)));
        throw batchError(
          failed[0].change,
          failed[0].answer,
          "BatchPartRetry",
          retryAfter ? retryAfter * 1000 : undefined,
        );
      },
    );
  }
}

function batchError(change: MembershipChange, answer: BatchAnswer, apiCode: string, retryAfterMs?: number): HttpError {
  const message = (answer.body as { error?: { message?: string; code?: string } } | undefined)?.error;
  const path =
    change.op === "add"
      ? `/groups/${change.groupId}/members/$ref`
      : `/groups/${change.groupId}/members/${change.memberId}/$ref`;
  return new HttpError(
    kindForStatus(answer.status),
    {
      app: "entra",
      method: change.op === "add" ? "POST" : "DELETE",
      path,
      status: answer.status,
      detail: message?.message,
      apiCode: apiCode || message?.code,
    },
    { retryAfterMs },
  );
}
