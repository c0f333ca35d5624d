/**
 * The steps an update could not apply (`up --continue-on-error`), kept in its history entry's `environment` under
 * one key, as JSON: the diy format has no other place for them, and the audit trail must show a failed attempt.
 */
import { z } from "zod";

export const FAILED_STEPS_KEY = "engine.failedSteps";

export const FailedStep = z.object({ urn: z.string(), op: z.string(), message: z.string() });
export type FailedStep = z.infer<typeof FailedStep>;

/** The history `environment` entry for an update's failed steps; empty when none failed. */
export function failedStepsEnvironment(steps: readonly FailedStep[] | undefined): Record<string, string> {
  return steps?.length ? { [FAILED_STEPS_KEY]: JSON.stringify(steps) } : {};
}

/** The failed steps a history entry's environment records; none when absent or unreadable. */
export function readFailedSteps(environment: Record<string, string> | null | undefined): FailedStep[] {
  const raw = environment?.[FAILED_STEPS_KEY];
  if (!raw) return [];
  try {
    const parsed = z.array(FailedStep).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
