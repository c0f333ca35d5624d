/**
 * Sliding-window counters: per account, per recovery address and per client address (PWM's intruder limits,
 * OWASP's advice). Pure: state in, decision and new state out; the shell persists it.
 */
export interface RateRule {
  limit: number;
  windowMinutes: number;
}

export interface RateRules {
  account: RateRule;
  recovery: RateRule;
  client: RateRule;
}

export const DEFAULT_RATE_RULES: RateRules = {
  account: { limit: 5, windowMinutes: 15 },
  recovery: { limit: 5, windowMinutes: 15 },
  client: { limit: 30, windowMinutes: 15 },
};

/** key (`account:E1`, `client:127.0.0.1`) → times of the hits still inside their window. */
export type RateState = Record<string, number[]>;

export type RateKind = keyof RateRules;

/**
 * Counts one hit on every key; refused when any key is already at its limit (the hit is still counted, so
 * hammering keeps the window full). Returns the kind that refused, for the audit event.
 */
export function hit(
  state: RateState,
  rules: RateRules,
  keys: Partial<Record<RateKind, string>>,
  now: number,
): { allowed: boolean; refusedBy?: RateKind; state: RateState } {
  const next: RateState = { ...state };
  let refusedBy: RateKind | undefined;
  for (const kind of Object.keys(keys) as RateKind[]) {
    const value = keys[kind];
    if (value === undefined) continue;
    const key = `${kind}:${value}`;
    const since = now - rules[kind].windowMinutes * 60_000;
    const recent = (next[key] ?? []).filter((t) => t > since);
    if (recent.length >= rules[kind].limit && refusedBy === undefined) refusedBy = kind;
    next[key] = [...recent, now];
  }
  return refusedBy === undefined ? { allowed: true, state: next } : { allowed: false, refusedBy, state: next };
}

/** Drops keys with no hit inside the longest window. */
export function pruneRates(state: RateState, rules: RateRules, now: number): RateState {
  const longest = Math.max(...Object.values(rules).map((r: RateRule) => r.windowMinutes)) * 60_000;
  return Object.fromEntries(Object.entries(state).filter(([, times]) => times.some((t) => t > now - longest)));
}
