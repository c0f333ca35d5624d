/**
 * One copy of each long string value that repeats across resources. A dynamic resource carries its serialized
 * provider (~2 KB) in both its inputs and its outputs, the same text for every resource of a program, and every
 * decode (checkpoint, registration, Check) used to make its own copy: ~8 KB per resource held for the whole run.
 * Only strings of at least `MIN_LENGTH` characters are looked up (a short one costs less than the lookup), and only
 * the most recent `WINDOW` distinct ones are remembered, so a stack of unique long values does not grow the table.
 */
const MIN_LENGTH = 512;
const WINDOW = 64;
const recent = new Map<string, string>();

export function shareString(s: string): string {
  if (s.length < MIN_LENGTH) return s;
  const shared = recent.get(s);
  if (shared !== undefined) return shared;
  recent.set(s, s);
  if (recent.size > WINDOW) recent.delete(recent.keys().next().value!);
  return s;
}

/**
 * Replaces, in place, every long string inside a value parsed from JSON by its shared copy. For the checkpoint as
 * read: an update's journal keeps the old resources in that form for the whole run (to write the unchanged ones
 * back), and `JSON.parse` gives each resource its own two copies of the provider text.
 */
export function shareStringsIn(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    const v = entries[key];
    if (typeof v === "string") {
      if (v.length >= MIN_LENGTH) entries[key] = shareString(v);
    } else shareStringsIn(v);
  }
}
