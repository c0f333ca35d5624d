/**
 * The reset portal's events (`idlc sspr`, an event chain beside the stack's history) as audit facts: one person's
 * steps for their timeline, and the counts the report shows. Pure: the chain is read and verified by the caller.
 */
import type { ChainedEvent } from "../chain/event-chain";

/** One portal step of a person: `requested`, `link-sent`, `link-used`, `reset.set` (per app), `refused`, … */
export interface SelfServiceStep {
  at: string;
  event: string;
  app?: string;
  detail?: string;
  client?: string;
  /** 1-based line of the portal log: what an auditor checks against the chain. */
  line: number;
}

export interface SelfServiceCounts {
  /** Links asked for, by the person or by the helpdesk for them. */
  requests: number;
  linksSent: number;
  /** Resets that set the new password in every target. */
  resets: number;
  /** Target writes that failed or that the app's own policy refused. */
  targetFailures: number;
  /** Requests refused as not eligible (leavers, people on leave, pre-hires, kill switch, unknown). */
  refusals: number;
  /** Requests refused by a rate limit, and the accounts they locked out. */
  lockouts: number;
  lockedOutAccounts: number;
}

export function selfServiceSteps(events: readonly ChainedEvent[], employeeId: string): SelfServiceStep[] {
  return events.flatMap((e, index) =>
    e.employeeId !== employeeId
      ? []
      : [
          {
            at: e.at,
            event: e.type.replace(/^sspr\./, ""),
            line: index + 1,
            ...(e.app ? { app: e.app } : {}),
            ...(e.detail ? { detail: e.detail } : {}),
            ...(e.client ? { client: e.client } : {}),
          },
        ],
  );
}

export function selfServiceCounts(events: readonly ChainedEvent[]): SelfServiceCounts {
  const count = (...types: string[]) => events.filter((e) => types.includes(e.type)).length;
  const limited = events.filter((e) => e.type === "sspr.rate-limited");
  return {
    requests: count("sspr.requested", "sspr.helpdesk-requested", "sspr.activation-requested"),
    linksSent: count("sspr.link-sent"),
    resets: count("sspr.completed"),
    targetFailures: count("sspr.reset.failed", "sspr.reset.policy"),
    refusals: count("sspr.refused"),
    lockouts: limited.length,
    lockedOutAccounts: new Set(limited.flatMap((e) => (e.employeeId ? [e.employeeId] : []))).size,
  };
}
