/**
 * What an app accepts, declared once per connector (`<app>/accepts.ts`) and judged here: a value the app would
 * refuse is found before anything runs, and a name the app cannot store exactly is mapped by one documented rule.
 * Pure: no I/O, no third-party module.
 */

/** The account spec fields an app's rules may cover. */
export type AcceptedField = "userName" | "email" | "givenName" | "familyName" | "displayName";

export interface FieldRule {
  field: AcceptedField;
  /** The app's own name for what the value becomes (`name.givenName`, `userPrincipalName`), in messages. */
  appField: string;
  /** The vendor's rule in a few words, shown as the reason. */
  rule: string;
  /** The part of the value the app stores and judges (default the whole value), e.g. an address's local part;
   * only on identifiers, which are never mapped. */
  view?: (value: string) => string;
  /** Empty is refused. */
  required?: boolean;
  /** At most this many characters (code points). */
  maxLength?: number;
  /** One character the app stores; every other character is refused. */
  allowed?: RegExp;
  /** One character the app refuses, whatever `allowed` says. */
  refused?: RegExp;
  /** Shapes the app refuses (`/^@+/g`, `/\.\./g`), each with why; global, as mapping drops every match. */
  forbidden?: ReadonlyArray<{ pattern: RegExp; why: string }>;
  /**
   * True when a refused value may be mapped: refused characters and shapes dropped, runs of spaces collapsed,
   * ends trimmed, cut at `maxLength`. Names only: an identifier (userName, address) is never rewritten, because
   * a changed one is another account, so a refused identifier is an error.
   */
  mappable?: boolean;
}

/** What one app accepts: its rules, one per field it constrains. */
export interface AppAccepts {
  /** The app's display name in messages (`Google`). */
  label: string;
  rules: readonly FieldRule[];
}

export type Verdict =
  { kind: "ok" } | { kind: "mapped"; value: string; reasons: string[] } | { kind: "refused"; reasons: string[] };

/** An address's or UPN's part before the last `@` (the whole value when it has none). */
export const localPart = (value: string): string =>
  value.includes("@") ? value.slice(0, value.lastIndexOf("@")) : value;

const codePoints = (value: string) => [...value];

/** Why `value` (already the rule's view of it) is refused; empty when the app accepts it. */
export function reasonsRefused(rule: FieldRule, value: string): string[] {
  const reasons: string[] = [];
  if (rule.required && value.trim() === "") reasons.push("it is empty");
  const length = codePoints(value).length;
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    reasons.push(`it has ${length} characters, more than ${rule.maxLength}`);
  }
  const bad = new Set(codePoints(value).filter((c) => isRefusedChar(rule, c)));
  if (bad.size > 0) reasons.push(`it contains ${[...bad].map(showChar).join(" ")}`);
  for (const { pattern, why } of rule.forbidden ?? []) if (value.search(pattern) >= 0) reasons.push(why);
  return reasons;
}

function isRefusedChar(rule: FieldRule, c: string): boolean {
  if (rule.allowed && !rule.allowed.test(c)) return true;
  return rule.refused !== undefined && rule.refused.test(c);
}

/** The documented mapping: refused characters and shapes dropped, spaces collapsed, trimmed, cut at the limit. */
export function mapValue(rule: FieldRule, value: string): string {
  let out = codePoints(value)
    .filter((c) => !isRefusedChar(rule, c))
    .join("");
  for (const { pattern } of rule.forbidden ?? []) out = out.replace(pattern, "");
  out = out.replace(/\s+/gu, " ").trim();
  if (rule.maxLength !== undefined) out = codePoints(out).slice(0, rule.maxLength).join("").trim();
  return out;
}

/** Each rule as one whole-value test, compiled once: a plan judges every account (500,000 for a large org). */
const compiled = new WeakMap<FieldRule, (value: string) => boolean>();

function acceptsQuickly(rule: FieldRule): (value: string) => boolean {
  let test = compiled.get(rule);
  if (!test) {
    const allowed = rule.allowed && new RegExp(`^(?:${rule.allowed.source})*$`, rule.allowed.flags);
    const { refused, forbidden = [], maxLength, required } = rule;
    test = (v) =>
      (!required || v.trim() !== "") &&
      (maxLength === undefined || v.length <= maxLength) &&
      (!allowed || allowed.test(v)) &&
      (!refused || v.search(refused) < 0) &&
      forbidden.every(({ pattern }) => v.search(pattern) < 0);
    compiled.set(rule, test);
  }
  return test;
}

/** The app's verdict on one value: accepted as is, accepted once mapped, or refused. */
export function judgeValue(rule: FieldRule, value: string): Verdict {
  const seen = rule.view ? rule.view(value) : value;
  // Over the limit in UTF-16 units may still be within it in characters: the full check decides.
  if (acceptsQuickly(rule)(seen)) return { kind: "ok" };
  const reasons = reasonsRefused(rule, seen);
  if (reasons.length === 0) return { kind: "ok" };
  if (!rule.mappable) return { kind: "refused", reasons };
  const mapped = mapValue(rule, value);
  const left = reasonsRefused(rule, mapped);
  if (left.length > 0) {
    return { kind: "refused", reasons: [...reasons, `after mapping (${showValue(mapped)}) ${left.join(" and ")}`] };
  }
  return { kind: "mapped", value: mapped, reasons };
}

/**
 * A value as a reviewer can read it safely in a terminal or a PR comment: quoted, control, format (RTL marks,
 * zero-width) and other invisible characters as `\u{…}`, angle brackets and backticks escaped, cut at 80.
 */
export function showValue(value: string): string {
  const chars = codePoints(value);
  const end = chars.length > 80 ? `…" (${chars.length} characters)` : '"';
  return `"${safeText(chars.slice(0, 80).join(""))}${end}`;
}

/** Text with the characters `showValue` escapes escaped, unquoted and whole (a person's name in a message). */
export function safeText(value: string): string {
  return codePoints(value)
    .map((c) => (unsafe(c) ? escapeChar(c) : c))
    .join("");
}

const invisible = (c: string) => /[\p{C}\p{Z}]/u.test(c) && c !== " ";
const unsafe = (c: string) => invisible(c) || /[<>`"\\]/.test(c);
const escapeChar = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;
const showChar = (c: string) => (unsafe(c) ? escapeChar(c) : `'${c}'`);
