/** What `diff` returns (the SDK's `DiffResult`). */
export interface FieldDiff {
  changes: boolean;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Field-by-field diff of the previous outputs against new inputs. Only `replaceOn` fields (e.g. which SCIM
 * instance) force a replace; a name or email change is always an in-place update (DESIGN.md §4.1).
 * `extraChanges` lets a provider flag work the inputs alone cannot show (e.g. a manager still unresolved).
 */
export function diffFields<T extends object>(
  olds: T,
  news: T,
  fields: readonly string[],
  options: { replaceOn?: readonly string[]; extraChanges?: boolean } = {},
): FieldDiff {
  const [before, after] = [olds as Record<string, unknown>, news as Record<string, unknown>];
  const changed = fields.filter((field) => !sameValue(before[field], after[field]));
  const replaces = changed.filter((field) => options.replaceOn?.includes(field));
  return {
    changes: changed.length > 0 || options.extraChanges === true,
    replaces,
    stables: fields.filter((field) => !changed.includes(field)),
    deleteBeforeReplace: false,
  };
}

/** Structural equality where key order does not matter and `undefined` equals absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
