/**
 * Record ids by lower-cased lookup key (an email, a username, an employee id). An emulator answers an equality
 * filter or a uniqueness check from it instead of testing every record: with every request scanning the store, a
 * 50,000-person company's first `up` grew quadratic in the emulators (the deployment bench's setup, issue #22).
 * It only narrows: callers still apply their own exact test to the records it returns, so what matches is decided
 * where it always was.
 */
export class KeyIndex {
  private readonly ids = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();

  /** `caseExact`: keys are ids compared exactly (a group's member ids), so what the index returns is the answer. */
  constructor(private readonly caseExact = false) {}

  private norm(key: unknown): string {
    return this.caseExact ? String(key) : String(key).toLowerCase();
  }

  /** Replaces the keys `id` is found under (empty and missing values are no key). */
  set(id: string, keys: readonly unknown[]): void {
    this.delete(id);
    const normalised = [
      ...new Set(keys.filter((k) => k !== undefined && k !== null && k !== "").map((k) => this.norm(k))),
    ];
    this.keysOf.set(id, normalised);
    for (const key of normalised) {
      const set = this.ids.get(key);
      if (set) set.add(id);
      else this.ids.set(key, new Set([id]));
    }
  }

  delete(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const set = this.ids.get(key)!;
      set.delete(id);
      if (set.size === 0) this.ids.delete(key);
    }
    this.keysOf.delete(id);
  }

  /**
   * The records of `records` found under any of `keys` (any case unless case-exact), in the map's order, which is
   * what a scan returns them in.
   */
  pick<T>(records: ReadonlyMap<string, T>, ...keys: string[]): T[] {
    const ids = new Set(keys.flatMap((key) => [...(this.ids.get(this.norm(key)) ?? [])]));
    if (ids.size <= 1) return [...ids].flatMap((id) => (records.has(id) ? [records.get(id)!] : []));
    return [...records].flatMap(([id, record]) => (ids.has(id) ? [record] : []));
  }
}
