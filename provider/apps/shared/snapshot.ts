/**
 * A per-process snapshot of every user of an app, so a refresh of N accounts costs ⌈N/page⌉ list calls instead
 * of N GETs. Loaded by the first `read`, served to later reads for `ttlMs`, and invalidated per user on writes
 * (a write in this process marks that user stale; its next read goes to the API). A miss is never taken as
 * "gone": the caller confirms with a GET, so users created elsewhere after the load are not dropped.
 */
export class UserSnapshot<T> {
  private byKey: Map<string, T> | undefined;
  private loadedAt = 0;
  private loading: Promise<void> | undefined;
  private readonly stale = new Set<string>();

  constructor(
    private readonly loadAll: () => Promise<T[]>,
    /** Every key an item is found by (id, lower-cased email, `eid:<employeeId>`). */
    private readonly keysOf: (item: T) => string[],
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads (or reloads, once expired) the snapshot; concurrent readers share one load. */
  async ensure(): Promise<void> {
    if (this.byKey && this.now() - this.loadedAt < this.ttlMs) return;
    this.loading ??= this.loadAll()
      .then((items) => {
        this.byKey = new Map();
        for (const item of items) for (const key of this.keysOf(item)) this.byKey.set(key, item);
        this.loadedAt = this.now();
        this.stale.clear();
      })
      .finally(() => (this.loading = undefined));
    await this.loading;
  }

  /** The snapshot's copy when loaded, fresh and not written since; otherwise undefined (ask the API). */
  peek(key: string): T | undefined {
    if (!this.byKey || this.now() - this.loadedAt >= this.ttlMs || this.stale.has(key)) return undefined;
    return this.byKey.get(key);
  }

  /** A write in this process changed the item known by these keys. */
  invalidate(...keys: string[]): void {
    for (const key of keys) this.stale.add(key);
  }
}

/** Member lists per group, loaded once per process on first read and kept in step with this process's writes. */
export class MemberCache {
  private readonly groups = new Map<string, Promise<Set<string> | undefined>>();

  /** `loadMembers` answers undefined for a group that does not exist. */
  constructor(private readonly loadMembers: (group: string) => Promise<string[] | undefined>) {}

  /** Lower-cased member keys of a group; undefined when the group does not exist. */
  members(group: string): Promise<Set<string> | undefined> {
    let found = this.groups.get(group);
    if (!found) {
      found = this.loadMembers(group).then((keys) => (keys ? new Set(keys.map((k) => k.toLowerCase())) : undefined));
      this.groups.set(group, found);
      // A failed load is not cached: the next read tries again.
      found.catch(() => this.groups.delete(group));
    }
    return found;
  }

  /** Records a membership change made by this process (no reload needed). */
  async changed(group: string, member: string, present: boolean): Promise<void> {
    const set = await this.groups.get(group)?.catch(() => undefined);
    // Unloaded groups need nothing: their first read lists the members as they are now.
    if (present) set?.add(member.toLowerCase());
    else set?.delete(member.toLowerCase());
  }
}
