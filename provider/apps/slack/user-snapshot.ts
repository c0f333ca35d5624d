/**
 * One listing of every Slack user per process, so a refresh of N accounts costs ⌈N/1000⌉ list calls instead of N
 * GETs. Loaded by the first read, served for `ttlMs`; a user written by this process is stale until the next
 * load (its reads go to the API). A miss is never "gone": the caller confirms with a GET.
 * Closures, not a class: a class rehydrated from state loses its field initializers (only the constructor's
 * body survives closure serialization), which is also why this is not `apps/shared/snapshot.ts`'s class.
 */
export interface UserSnapshot<T> {
  /** Loads (or reloads, once expired) the listing; concurrent readers share one load. */
  ensure(): Promise<void>;
  /** The listed copy when loaded, fresh and not written since; otherwise undefined (ask the API). */
  peek(id: string): T | undefined;
  invalidate(id: string): void;
}

export function createUserSnapshot<T extends { id: string }>(
  loadAll: () => Promise<T[]>,
  ttlMs: number,
  now: () => number = Date.now,
): UserSnapshot<T> {
  let byId: Map<string, T> | undefined;
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  const stale = new Set<string>();
  const fresh = () => byId !== undefined && now() - loadedAt < ttlMs;
  return {
    async ensure() {
      if (fresh()) return;
      loading ??= loadAll()
        .then((items) => {
          byId = new Map(items.map((item) => [item.id, item]));
          loadedAt = now();
          stale.clear();
        })
        .finally(() => (loading = undefined));
      await loading;
    },
    peek: (id) => (fresh() && !stale.has(id) ? byId!.get(id) : undefined),
    invalidate: (id) => void stale.add(id),
  };
}
