function hasToJSON(value: unknown): boolean {
  const holder = typeof value === "bigint" || (typeof value === "object" && value !== null);
  return holder && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/** A value JSON.stringify writes member by member: a plain object or array without its own `toJSON`. */
function walkable(value: unknown): value is object {
  if (value === null || typeof value !== "object" || hasToJSON(value)) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * One member's text as JSON.stringify writes it inside its holder, or undefined when it writes nothing. A `toJSON`
 * is called with the member's key (an array index as a string), as there: through a one-member holder.
 */
function memberText(key: string, item: unknown): string | undefined {
  if (!hasToJSON(item)) return JSON.stringify(item) as string | undefined;
  const text = JSON.stringify({ [key]: item });
  return text === "{}" ? undefined : text.slice(JSON.stringify(key).length + 2, -1);
}

/**
 * `JSON.stringify(value)` in pieces: plain objects and arrays are walked member by member for `depth` levels, and
 * each member below that is stringified on its own. Joined, the pieces are exactly JSON.stringify's text (members
 * that write nothing are left out of objects and become `null` in arrays, as there), yet no piece is larger than
 * one deep member, so a 90 MB checkpoint goes to disk without ever being one string.
 */
export function* jsonChunks(value: object, depth: number): Generator<string> {
  const walk = (item: unknown): item is object => depth > 1 && walkable(item);
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const separator = i > 0 ? "," : "";
      if (walk(item)) {
        yield separator;
        yield* jsonChunks(item, depth - 1);
      } else yield separator + (memberText(String(i), item) ?? "null");
    }
    yield "]";
    return;
  }
  yield "{";
  let separator = "";
  for (const [key, item] of Object.entries(value)) {
    if (walk(item)) {
      yield `${separator}${JSON.stringify(key)}:`;
      yield* jsonChunks(item, depth - 1);
    } else {
      const text = memberText(key, item);
      if (text === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ",";
  }
  yield "}";
}
