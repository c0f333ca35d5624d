import { unsupportedQuery } from "./errors";
import type { Json } from "./store";

type Test = (o: Json) => boolean;

const literal = (raw: string): unknown => {
  if (/^'.*'$/s.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw === "true" || raw === "false") return raw === "true";
  if (raw === "null") return null;
  throw unsupportedQuery(`Invalid filter clause: unsupported literal ${raw}`);
};
const same = (a: unknown, b: unknown): boolean =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : (a ?? null) === b;

/**
 * The `$filter` subset idlc uses: `prop eq <literal>`, `startswith(prop,'x')`, `prop in ('a','b')`, combined with
 * `and`/`or` (no parentheses; `and` binds tighter). Properties outside `filterable` and anything else answer
 * 400 Request_UnsupportedQuery, as Graph does without advanced-query headers.
 */
export function compileFilter(filter: unknown, filterable: Set<string>): Test {
  if (filter === undefined || filter === "") return () => true;
  const prop = (name: string): string => {
    if (!filterable.has(name))
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${name}' of resource 'User'.`,
      );
    return name;
  };
  const clause = (text: string): Test => {
    let m = /^(\w+)\s+eq\s+('(?:[^']|'')*'|\w+)$/.exec(text);
    if (m) {
      const [name, value] = [prop(m[1]), literal(m[2])];
      return (o) => same(o[name], value);
    }
    m = /^startswith\((\w+),\s*('(?:[^']|'')*')\)$/i.exec(text);
    if (m) {
      const [name, value] = [prop(m[1]), String(literal(m[2])).toLowerCase()];
      return (o) => typeof o[name] === "string" && (o[name] as string).toLowerCase().startsWith(value);
    }
    m = /^(\w+)\s+in\s+\((.*)\)$/.exec(text);
    if (m) {
      const name = prop(m[1]);
      const values = (m[2].match(/'(?:[^']|'')*'/g) ?? []).map(literal);
      if (values.length > 15) throw unsupportedQuery("Too many values in the 'in' operator: the limit is 15.");
      return (o) => values.some((v) => same(o[name], v));
    }
    throw unsupportedQuery(`Invalid filter clause: ${text}`);
  };
  const alternatives = String(filter)
    .trim()
    .split(/\s+or\s+/i)
    .map((alt) => alt.split(/\s+and\s+/i).map((c) => clause(c.trim())));
  return (o) => alternatives.some((all) => all.every((t) => t(o)));
}

/** The employee id of a filter that is only `employeeId eq '<id>'`; undefined for any other. */
export function employeeIdOf(filter: unknown): string | undefined {
  const m = /^employeeId\s+eq\s+('(?:[^']|'')*')$/.exec(String(filter ?? "").trim());
  return m ? String(literal(m[1]!)) : undefined;
}
