/**
 * Day-one activation: who gets a link to set their first password. A joiner's account is created with a random
 * initial password nobody sees; once their start day has come and the account exists, `idlc sspr activate` (run
 * after `idlc up`, or daily) sends them an activation link at their recovery address. Pure: facts in, people out.
 */
import { eligibility, type Subject } from "./subject";

/** How long an activation link works: a welcome mail is often read hours later; still single use, hash only. */
export const ACTIVATION_HOURS = 24;

/** What the state file remembers per person, so repeated runs send nothing twice. */
export interface ActivationRecord {
  sentAt: number;
  expiresAt: number;
  /** When the person first set a password through the portal (activation or reset). */
  completedAt?: number;
}

export interface ActivationFacts {
  /** Employee id → the day (yyyy-MM-dd) their account first appeared in the stack's state. */
  accountsSince: ReadonlyMap<string, string>;
  records: Readonly<Record<string, ActivationRecord>>;
  today: string;
  now: number;
  /**
   * Only people whose start day, or their account's first day if later, is at most this many days ago: the first
   * run on an existing company mails its recent joiners, not everyone.
   */
  withinDays: number;
}

export type ActivationSkip =
  "not-eligible" | "not-started" | "no-account" | "outside-window" | "activated" | "link-pending";

export function activationDecision(
  subject: Subject,
  facts: ActivationFacts,
): { due: true } | { due: false; why: ActivationSkip } {
  if (!eligibility(subject).ok) return { due: false, why: "not-eligible" };
  const start = subject.startDate;
  if (start && start > facts.today) return { due: false, why: "not-started" };
  const since = facts.accountsSince.get(subject.employeeId);
  if (!since) return { due: false, why: "no-account" };
  const from = start && start > since ? start : since;
  if (from < addDays(facts.today, -facts.withinDays)) return { due: false, why: "outside-window" };
  const record = facts.records[subject.employeeId];
  if (record?.completedAt !== undefined) return { due: false, why: "activated" };
  if (record && record.expiresAt > facts.now) return { due: false, why: "link-pending" };
  return { due: true };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The stack's recorded states, oldest first, as far as activation needs them (audit snapshots fit). */
export interface RecordedState {
  time: string;
  accounts: Iterable<{ employeeId: string; appKey: string; enabled: boolean }>;
}

/** Employee id → the day an enabled account of one of `apps` first appeared in the stack's recorded states. */
export function accountsSince(states: readonly RecordedState[], apps: readonly string[]): Map<string, string> {
  const since = new Map<string, string>();
  for (const state of states) {
    for (const a of state.accounts) {
      if (!a.enabled || !apps.includes(a.appKey) || since.has(a.employeeId)) continue;
      since.set(a.employeeId, state.time.slice(0, 10));
    }
  }
  return since;
}
