/**
 * The people an HR twin holds: the demo company (`stacks/demo/people.csv`, 40 people) in idlc's own vocabulary,
 * plus what a test changed "in HR" (a termination, a mover, a joiner) and when, for the change feeds.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readHrExport, type Person } from "../../provider/hr";
import { demoDay, demoStackDir } from "../../stacks/demo-dates";

/** One person as HR holds them; `internalId` is the vendor's own immutable id (never the employee number). */
export interface HrPerson {
  internalId: number;
  employeeId: string;
  firstName: string;
  lastName: string;
  preferredName?: string;
  workEmail?: string;
  title?: string;
  department?: string;
  location?: string;
  managerId?: string;
  employmentType: string;
  status: string;
  hireDate?: string;
  terminationDate?: string;
  endDate?: string;
  /** ms epoch of the last change made in HR. */
  changedAt: number;
}

export interface HrStore {
  /** Everyone, by internal id. */
  list(): HrPerson[];
  get(employeeId: string): HrPerson | undefined;
  byInternalId(id: number): HrPerson | undefined;
  /** Terminate someone "in HR" (default: today), as the HR admin would. */
  terminate(employeeId: string, date?: string): HrPerson;
  /** Change fields of someone (a mover), or add someone new (a joiner) when the employee id is unknown. */
  upsert(fields: Partial<HrPerson> & { employeeId: string }): HrPerson;
  /** Remove someone entirely (HR deleted the record). */
  remove(employeeId: string): boolean;
  /** Who changed after `since` (ms epoch), for change feeds; a removed record is a deletion, not silence. */
  changedSince(since: number): Array<{ internalId: number; changedAt: number; action: "Updated" | "Deleted" }>;
}

/**
 * The demo company. Without a project directory (tests), the repository's demo file with its dates moved to today
 * exactly as `scripts/workspace.ts` moves a workspace's, so the twin and a test workspace tell the same story.
 */
export function demoPeopleText(projectDir?: string): string {
  const own = projectDir && path.join(projectDir, "stacks", "demo", "people.csv");
  if (own && existsSync(own)) return readFileSync(own, "utf8");
  const text = readFileSync(path.join(demoStackDir, "people.csv"), "utf8");
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => demoDay(date));
}

/** A store seeded from an export's text (the demo company by default). */
export function createHrStore(text: string, now: () => number = Date.now): HrStore {
  const { people } = readHrExport({ file: "people.csv", text });
  const all = new Map<string, HrPerson>();
  const deleted: Array<{ internalId: number; changedAt: number; action: "Deleted" }> = [];
  let nextId = 100;
  // The company was entered in HR before the twin started: a day ago, so a change feed sees only what tests do.
  const seededAt = now() - 86_400_000;
  for (const p of people) all.set(p.employeeId, fromPerson(p, nextId++, seededAt));
  const must = (employeeId: string) => {
    const found = all.get(employeeId);
    if (!found) throw new RangeError(`no person ${employeeId} in HR`);
    return found;
  };
  return {
    list: () => [...all.values()].sort((a, b) => a.internalId - b.internalId),
    get: (employeeId) => all.get(employeeId),
    byInternalId: (id) => [...all.values()].find((p) => p.internalId === id),
    terminate(employeeId, date) {
      const p = must(employeeId);
      Object.assign(p, {
        status: "terminated",
        terminationDate: date ?? new Date(now()).toISOString().slice(0, 10),
        changedAt: now(),
      });
      return p;
    },
    upsert(fields) {
      const existing = all.get(fields.employeeId);
      const next = existing
        ? Object.assign(existing, fields, { changedAt: now() })
        : {
            employmentType: "employee",
            status: "active",
            firstName: "",
            lastName: "",
            ...fields,
            internalId: nextId++,
            changedAt: now(),
          };
      all.set(next.employeeId, next);
      return next;
    },
    remove(employeeId) {
      const gone = all.get(employeeId);
      if (gone) deleted.push({ internalId: gone.internalId, changedAt: now(), action: "Deleted" });
      return all.delete(employeeId);
    },
    changedSince: (since) =>
      [
        ...[...all.values()].map((p) => ({
          internalId: p.internalId,
          changedAt: p.changedAt,
          action: "Updated" as const,
        })),
        ...deleted,
      ].filter((change) => change.changedAt > since),
  };
}

function fromPerson(p: Person, internalId: number, at: number): HrPerson {
  const {
    source: _source,
    roles: _roles,
    displayName: _displayName,
    personalEmail: _pe,
    division: _d,
    costCenter: _c,
    ...rest
  } = p;
  return { ...rest, internalId, changedAt: at };
}
