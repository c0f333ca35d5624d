/** Which planned accounts are cutoffs: the accounts that never wait on anything (DESIGN.md §4.11). */
import type { AccountSpec } from "../access";

/**
 * A disabled account that is not being prepared for a joiner: a leaver, a leave, the kill switch, a mover's revoked
 * account. A pre-hire account is disabled too, but it is a create that may wait for its groups like any other.
 */
export function isCutoff(spec: Pick<AccountSpec, "enabled" | "lifecycle">): boolean {
  return !spec.enabled && spec.lifecycle !== "pre-hire" && spec.lifecycle !== "not-yet";
}
