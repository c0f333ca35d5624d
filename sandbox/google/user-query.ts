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

/** A query's `field:value` clauses, values unquoted; an unknown field or anything else in the query is refused. */
function clausesOf(query: unknown): { field: string; value: string }[] {
  if (query === undefined || query === "") return [];
  const clauses = String(query).match(/\w+[:=](?:'[^']*'|"[^"]*"|\S+)/g) ?? [];
  if (clauses.join(" ").length !== String(query).trim().replace(/\s+/g, " ").length) throw invalid("query");
  return clauses.map((clause) => {
    const [, field, raw] = /^(\w+)[:=](.*)$/.exec(clause)!;
    if (!FIELDS[field]) throw invalid(`query: unsupported field ${field}`);
    return { field, value: raw.replace(/^(['"])(.*)\1$/, "$2") };
  });
}

/**
 * The subset of the users.list `query` language idlc uses: space-separated `field:value` or `field=value`
 * clauses (all must match), values optionally quoted, a trailing `*` for prefix match.
 */
export function compileUserQuery(query: unknown): Test {
  const tests = clausesOf(query).map(
    ({ field, value }): Test =>
      (u) =>
        FIELDS[field](u, value),
  );
  return (u) => tests.every((t) => t(u));
}

/** An exact `externalId` or `email` clause of the query, which the store's indexes answer; undefined when none. */
export function indexedClause(query: unknown): { field: "externalId" | "email"; value: string } | undefined {
  const clause = clausesOf(query).find(
    (c) => c.field === "externalId" || (c.field === "email" && !c.value.endsWith("*")),
  );
  return clause as ReturnType<typeof indexedClause>;
}
