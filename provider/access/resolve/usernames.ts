import type { Issue } from "../../errors";
import type { Person } from "../../hr/person";
import { AccessCode, accessIssue } from "../errors";

/** A person's sign-in name in every app (`jane.doe`) and email address. */
export interface Identity {
  userName: string;
  email: string;
}

export interface UsernameOptions {
  /** Domain of generated addresses, for people whose HR record has no work email. */
  emailDomain?: string;
  /** Names already handed out (employee id → userName), e.g. `usernameLedger(previousPlan)`: always kept. */
  ledger?: Readonly<Record<string, string>>;
}

/** Lower-case ASCII: accents folded (`José` → `jose`), `ß` → `ss`, anything else but letters, digits and '-' dropped. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9-]+/g, "")
    .replace(/^-+|-+$/g, "");
}

/** The name a person asks for before collisions: their HR email's local part, or `first.last`. */
function wanted(person: Person): string {
  if (person.workEmail) return person.workEmail.split("@")[0]!;
  const first = slug(person.preferredName ?? person.firstName);
  const last = slug(person.lastName);
  return first && last ? `${first}.${last}` : `user.${slug(person.employeeId) || "x"}`;
}

/**
 * Gives everyone a unique userName, so that nobody is ever renamed because a namesake joined:
 * 1. names in the ledger are kept, and those of people no longer present stay reserved (pass the previous plan's);
 * 2. everyone else claims in order of hire date, then employee id — never file order — so the Jane Doe hired
 *    first is `jane.doe` and a later one `jane.doe2`, whichever row comes first and on every run.
 * HR work emails are the source of truth for addresses: generated ones never take an address HR gave someone.
 */
export function allocateIdentities(
  people: readonly Person[],
  options: UsernameOptions,
): { identities: Map<string, Identity>; issues: Issue[] } {
  const issues: Issue[] = [];
  const hrEmails = new Map(people.filter((p) => p.workEmail).map((p) => [p.workEmail!, p.employeeId]));
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const ledger = options.ledger ?? {};
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  for (const id of Object.keys(ledger).sort()) {
    const name = ledger[id]!;
    if (taken.has(name)) continue;
    // A departed person's name stays reserved: reusing an address hands their mail and restore path to someone else.
    taken.add(name);
    if (byId.has(id)) names.set(id, name);
  }
  const order = people
    .filter((p) => !names.has(p.employeeId))
    .map((p) => ({ p, key: `${p.hireDate ?? "9999-99-99"}\0${p.employeeId}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ p }) => p);
  // Every suffix below `next` is taken, so the lowest free name is found without rescanning from 2 (a common
  // name shared by thousands would otherwise make this quadratic).
  const next = new Map<string, number>();
  for (const person of order) {
    const base = wanted(person);
    let name = base;
    let n = next.get(base) ?? 2;
    if (taken.has(name)) for (name = `${base}${n}`; taken.has(name); name = `${base}${++n}`);
    if (name !== base) next.set(base, n + 1);
    taken.add(name);
    names.set(person.employeeId, name);
  }
  const identities = new Map<string, Identity>();
  for (const person of people) {
    const userName = names.get(person.employeeId)!;
    const email = person.workEmail ?? (options.emailDomain ? `${userName}@${options.emailDomain}` : undefined);
    const where = { file: person.source.file, row: person.source.row, column: "workEmail" };
    if (!email) {
      issues.push(
        accessIssue(
          "error",
          AccessCode.emailUnavailable,
          `${person.employeeId} has no work email and no email domain is configured to generate one`,
          "add the work email to the HR export or set `emailDomain` under identity:roles",
          where,
        ),
      );
      continue;
    }
    const holder = hrEmails.get(email);
    if (holder !== undefined && holder !== person.employeeId) {
      issues.push(
        accessIssue(
          "error",
          AccessCode.usernameTaken,
          `the generated address ${email} for ${person.employeeId} is ${holder}'s work email in HR`,
          `give ${person.employeeId} a work email in the HR export`,
          where,
        ),
      );
      continue;
    }
    identities.set(person.employeeId, { userName, email });
  }
  return { identities, issues };
}
