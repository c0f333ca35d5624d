/**
 * Who may ask for a reset: one person as the portal sees them, built from the HR export, the access plan's
 * lifecycle and the kill-switch overrides. Pure data; `eligibility` decides, `findSubject` looks up.
 */
import type { LifecycleState } from "../hr/person";

export interface Subject {
  employeeId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  userName: string;
  workEmail?: string;
  /** The address HR holds for them outside work (`personalEmail`): where links go. */
  recoveryEmail?: string;
  lifecycle: LifecycleState;
  /** First working day (HR's hire date, yyyy-MM-dd), when HR gives one: activation links wait for it. */
  startDate?: string;
  /** An `idlc kill` override is in force. */
  killSwitched: boolean;
}

export type Refusal = "unknown" | "not-active" | "kill-switch" | "no-recovery-address";

/** Only people active on the day, with no kill switch and a recovery address, may reset. */
export function eligibility(subject: Subject | undefined): { ok: true } | { ok: false; refusal: Refusal } {
  if (!subject) return { ok: false, refusal: "unknown" };
  if (subject.killSwitched) return { ok: false, refusal: "kill-switch" };
  if (subject.lifecycle !== "active") return { ok: false, refusal: "not-active" };
  if (!subject.recoveryEmail) return { ok: false, refusal: "no-recovery-address" };
  return { ok: true };
}

/** By work email or username, case-insensitively; an identifier matching two people matches nobody. */
export function findSubject(subjects: readonly Subject[], identifier: string): Subject | undefined {
  const wanted = identifier.trim().normalize("NFKC").toLowerCase();
  if (!wanted) return undefined;
  const hits = subjects.filter((s) => s.workEmail?.toLowerCase() === wanted || s.userName.toLowerCase() === wanted);
  return hits.length === 1 ? hits[0] : undefined;
}
