import type { EmploymentType, HrStatus } from "./person";

/**
 * Vendor words for a person's status and employment type, keyed by `normalizeValue` form. One shared table:
 * vendors rarely disagree on a word, and where one does (Personio's German `intern` means "in-house") its
 * preset overrides it. Spellings marked [unverified] in app-apis.md §6 are included so real exports map.
 */
export const statusWords: Record<string, HrStatus> = words({
  active: ["active", "employed", "current", "working", "aktiv"],
  leave: [
    "leave",
    "on leave",
    "leave of absence",
    "loa",
    "garden leave",
    "parental leave",
    "sabbatical",
    "maternity leave",
    "paternity leave",
    "sick leave",
    "medical leave",
    "unpaid leave",
    "beurlaubt",
    "elternzeit",
    "abwesend",
    "ruhend",
  ],
  terminated: [
    "terminated",
    "inactive",
    "dismissed",
    "former",
    "offboarded",
    "departed",
    "ausgeschieden",
    "inaktiv",
    "gekündigt",
  ],
  "pre-hire": ["pre hire", "prehire", "onboarding", "hired", "accepted", "init", "pending", "pending hire", "new hire"],
});

export const employmentWords: Record<string, EmploymentType> = words({
  employee: [
    "employee",
    "full time",
    "fulltime",
    "part time",
    "parttime",
    "salaried ft",
    "salaried pt",
    "hourly ft",
    "hourly pt",
    "salaried full time",
    "salaried part time",
    "hourly full time",
    "hourly part time",
    "fixed term",
    "permanent",
    "regular",
    "internal",
    "festangestellt",
    "vollzeit",
    "teilzeit",
    "angestellt",
  ],
  contractor: [
    "contractor",
    "contract",
    "contingent worker",
    "contingent",
    "external",
    "freelancer",
    "freelance",
    "consultant",
    "temp",
    "temporary",
    "extern",
    "freiberufler",
  ],
  intern: ["intern", "internship", "trainee", "apprentice", "working student", "werkstudent", "praktikant", "azubi"],
  other: ["other", "sonstige"],
});

/**
 * Values compare without case, and `_`, `-`, `,` and runs of spaces count as one space: `ON_LEAVE` = `On leave`,
 * Rippling's `Salaried, full-time` = `salaried full time`.
 */
export function normalizeValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\s_,-]+/g, " ")
    .trim();
}

/** A company's own word table from its stack settings, keyed like the shared ones. */
export function normalizeKeys<T>(table: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(table ?? {}).map(([word, value]) => [normalizeValue(word), value]));
}

function words<T extends string>(table: Record<T, string[]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [target, list] of Object.entries(table) as Array<[T, string[]]>) {
    for (const word of list) out[normalizeValue(word)] = target;
  }
  return out;
}
