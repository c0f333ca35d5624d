/**
 * Compact JSON with object keys sorted at every level; `undefined` members are left out as JSON.stringify does.
 * Equal values give equal bytes, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  let text = "";
  for (const [key, prefix] of sortedKeys(Object.keys(record))) {
    const member = record[key];
    if (member !== undefined) text += `${text === "" ? "" : ","}${prefix}${canonicalJson(member)}`;
  }
  return `{${text}}`;
}

/**
 * Objects of one shape list their keys in one order, so the sorted keys (with their `"key":` text) are worked
 * out once per shape: a 100,000-person plan has a handful of shapes and 1.5 million objects.
 */
const shapes = new Map<string, Array<[string, string]>>();
function sortedKeys(keys: string[]): Array<[string, string]> {
  const shape = JSON.stringify(keys);
  let sorted = shapes.get(shape);
  if (!sorted) {
    sorted = [...keys].sort().map((k) => [k, `${JSON.stringify(k)}:`]);
    if (shapes.size < 1000) shapes.set(shape, sorted);
  }
  return sorted;
}
