// Engine events carry values already masked at the source: a secret is the string "[secret]" and a value unknown
// during preview is "[unknown]". Those are shown bare, every other string quoted, as Pulumi's diff display does.
const MASKS = new Set(["[secret]", "[unknown]"]);

/** One property value on one line: `"text"`, `42`, `[secret]`, `["a", "b"]`, `{k: "v"}`. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return MASKS.has(value) ? value : JSON.stringify(value);
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** Looks up a Pulumi property path (`a.b[0]`, `["x.y"]`) in a property bag; undefined when absent. */
export function valueAtPath(bag: Record<string, unknown> | undefined, path: string): unknown {
  const segments = [...path.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g)].map(
    (m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!),
  );
  let current: unknown = bag;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
