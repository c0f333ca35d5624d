import { badRequest } from "./errors";

/** Values of a filterable attribute (lower-case name) on one record. */
export type AttributeLookup = (attribute: string) => string[];
export type Predicate = (lookup: AttributeLookup) => boolean;

type Token = { kind: "word" | "string" | "open" | "close"; text: string };

const COMPARE: Record<string, (a: string, b: string) => boolean> = {
  eq: (a, b) => a === b,
  co: (a, b) => a.includes(b),
  sw: (a, b) => a.startsWith(b),
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) i += 1;
    else if (c === "(" || c === ")") {
      tokens.push({ kind: c === "(" ? "open" : "close", text: c });
      i += 1;
    } else if (c === '"' || c === "'") {
      let text = "";
      let j = i + 1;
      for (; j < filter.length && filter[j] !== c; j += 1) text += filter[j] === "\\" ? (filter[++j] ?? "") : filter[j];
      if (j >= filter.length) throw badRequest("incomplete_filter");
      tokens.push({ kind: "string", text });
      i = j + 1;
    } else {
      const word = /^[^\s()"']+/.exec(filter.slice(i))![0];
      tokens.push({ kind: "word", text: word });
      i += word.length;
    }
  }
  return tokens;
}

/**
 * The `attribute eq value` clauses of a filter made only of them joined by `or` (how idlc looks a user up), values
 * as the filter means them (unquoted, unescaped); undefined for any other filter.
 */
export function equalitiesOf(filter: string): { attribute: string; value: string }[] | undefined {
  const tokens = tokenize(filter);
  const clauses: { attribute: string; value: string }[] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const [attribute, op, value, joiner] = tokens.slice(i, i + 4);
    if (attribute?.kind !== "word" || op?.kind !== "word" || op.text.toLowerCase() !== "eq") return undefined;
    if (value?.kind !== "word" && value?.kind !== "string") return undefined;
    if (joiner && (joiner.kind !== "word" || joiner.text.toLowerCase() !== "or" || i + 4 >= tokens.length)) return;
    clauses.push({ attribute: attribute.text.toLowerCase(), value: value.text });
  }
  return clauses.length ? clauses : undefined;
}

/**
 * Parse a SCIM filter with the operators Slack documents (`eq co sw pr gt ge lt le and or`, parentheses).
 * Attribute names and operators are case-insensitive; values compare case-insensitively (emails, usernames).
 * An attribute outside `supported` (lower-case) is `invalid_query`: Slack filters only on a few.
 */
export function parseFilter(filter: string, supported: readonly string[]): Predicate {
  const tokens = tokenize(filter);
  if (tokens.length === 0) throw badRequest("no_filters");
  let pos = 0;
  const peekWord = (w: string) => tokens[pos]?.kind === "word" && tokens[pos]!.text.toLowerCase() === w;
  const next = () =>
    tokens[pos++] ??
    (() => {
      throw badRequest("incomplete_filter");
    })();

  const primary = (): Predicate => {
    const first = next();
    if (first.kind === "open") {
      const inner = or();
      if (next().kind !== "close") throw badRequest("incomplete_filter");
      return inner;
    }
    if (first.kind !== "word") throw badRequest("invalid_query");
    const attribute = first.text.toLowerCase();
    if (!supported.includes(attribute)) throw badRequest("invalid_query");
    const op = next().text.toLowerCase();
    if (op === "pr") return (lookup) => lookup(attribute).some((v) => v !== "");
    const compare = COMPARE[op];
    if (!compare) throw badRequest("invalid_query");
    const value = next();
    if (value.kind === "open" || value.kind === "close") throw badRequest("incomplete_filter");
    const expected = value.text.toLowerCase();
    return (lookup) => lookup(attribute).some((v) => compare(v.toLowerCase(), expected));
  };
  const and = (): Predicate => {
    let left = primary();
    while (peekWord("and")) {
      pos += 1;
      const [l, r] = [left, primary()];
      left = (lookup) => l(lookup) && r(lookup);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (peekWord("or")) {
      pos += 1;
      const [l, r] = [left, and()];
      left = (lookup) => l(lookup) || r(lookup);
    }
    return left;
  };
  const predicate = or();
  if (pos !== tokens.length) throw badRequest("invalid_query");
  return predicate;
}
