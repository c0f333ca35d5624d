import { invalid } from "./errors";
import type { Json } from "./store";

type Test = (user: Json) => boolean;

const eq = (a: unknown, b: string): boolean => String(a ?? "").toLowerCase() === b.toLowerCase();
const match = (value: unknown, pattern: string): boolean =>
  pattern.endsWith("*")
    ? String(value ?? "")
        .toLowerCase()
        .startsWith(pattern.slice(0, -1).toLowerCase())
    : eq(value, pattern);

const FIELDS: Record<string, (user: Json, value: string) => boolean> = {
  email: (u, v) => match(u.primaryEmail, v) || ((u.aliases as string[] | undefined) ?? []).some((a) => match(a, v)),
  externalId: (u, v) => ((u.externalIds as Json[] | undefined) ?? []).some((e) => eq(e.value, v)),
  givenName: (u, v) => match((u.name as Json).givenName, v),
  familyName: (u, v) => match((u.name as Json).familyName, v),
  isSuspended: (u, v) => String(Boolean(u.suspended)) === v.toLowerCase(),
  isAdmin: (u, v) => String(Boolean(u.isAdmin)) === v.toLowerCase(),
  orgUnitPath: (u, v) => eq(u.orgUnitPath ?? "/", v),
};

/**
 * The subset of the users.list `query` language idlc uses: space-separated `field:value` or `field=value`
 * clauses (all must match), values optionally quoted, a trailing `*` for prefix match.
 */
export function compileUserQuery(query: unknown): Test {
  if (query === undefined || query === "") return () => true;
  const clauses = String(query).match(/\w+[:=](?:'[^']*'|"[^"]*"|\S+)/g) ?? [];
  if (clauses.join(" ").length !== String(query).trim().replace(/\s+/g, " ").length) throw invalid("query");
  const tests = clauses.map((clause): Test => {
    const [, field, raw] = /^(\w+)[:=](.*)$/.exec(clause)!;
    const test = FIELDS[field];
    if (!test) throw invalid(`query: unsupported field ${field}`);
    const value = raw.replace(/^(['"])(.*)\1$/, "$2");
    return (u) => test(u, value);
  });
  return (u) => tests.every((t) => t(u));
}
