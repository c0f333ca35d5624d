/** Counts of API calls for one app: every attempt that reached the wire, by method, plus how many were retries. */
export interface CallCounts {
  total: number;
  retries: number;
  byMethod: Record<string, number>;
}

/** API calls per app, so tests and benchmarks can assert calls per change. */
export interface RequestCounter {
  record(app: string, method: string, retry: boolean): void;
  get(app: string): CallCounts;
  reset(app?: string): void;
}

export function createRequestCounter(): RequestCounter {
  const counts = new Map<string, CallCounts>();
  const entry = (app: string): CallCounts => {
    let found = counts.get(app);
    if (!found) counts.set(app, (found = { total: 0, retries: 0, byMethod: {} }));
    return found;
  };
  return {
    record(app, method, retry) {
      const e = entry(app);
      e.total += 1;
      if (retry) e.retries += 1;
      e.byMethod[method] = (e.byMethod[method] ?? 0) + 1;
    },
    get(app) {
      const e = entry(app);
      return { total: e.total, retries: e.retries, byMethod: { ...e.byMethod } };
    },
    reset(app) {
      if (app === undefined) counts.clear();
      else counts.delete(app);
    },
  };
}

/** A string key: the closure serializer would turn a registered symbol into a fresh one. */
const key = "__idlcRequestCounter";

/**
 * The process-wide counter providers record into. Held on `globalThis` (not a module variable) so a provider
 * rehydrated from state by closure serialization and the test that drives it share one counter.
 */
export function sharedRequestCounter(): RequestCounter {
  const holder = globalThis as unknown as Record<string, RequestCounter | undefined>;
  return (holder[key] ??= createRequestCounter());
}
