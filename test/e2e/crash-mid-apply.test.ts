/**
 * A crash in the middle of an `up`: a 100-person company (~300 accounts) is being provisioned into the sandbox
 * when `idlc` and everything it started is SIGKILLed; the next `up` must converge with every planned account
 * existing exactly once in each app's emulator and nobody else's account there.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apps, demoDir, identityProject, type IdentityProject } from "./harness";

const HEADER =
  "employee_id,first_name,last_name,preferred_name,work_email,title,department,location,manager_id,employment_type,status,hire_date,termination_date,end_date,roles";
const FIRST = [
  "Ada",
  "Ben",
  "Cara",
  "Dev",
  "Elin",
  "Finn",
  "Gia",
  "Hugo",
  "Iris",
  "Jon",
  "Kai",
  "Lena",
  "Milo",
  "Nia",
  "Owen",
  "Pia",
  "Quin",
  "Rosa",
  "Sam",
  "Tara",
];
const LAST = ["Abbott", "Baker", "Carter", "Dalton", "Ellis", "Foster", "Grant", "Hayes", "Irwin", "Jensen"];
// [department, head's title, member title, size]: with the demo roles (birthright Slack + Google; Engineering also
// GitHub + LDAP; Finance, People and IT also Entra; IT also LDAP) this company plans 306 accounts for 100 people.
const DEPARTMENTS = [
  ["Engineering", "Chief Technology Officer", "Software Engineer", 36],
  ["Sales", "VP Sales", "Account Executive", 24],
  ["Marketing", "VP Marketing", "Growth Marketer", 12],
  ["Finance", "Chief Financial Officer", "Accountant", 12],
  ["People", "Head of People", "People Partner", 8],
  ["IT", "Head of IT", "IT Support Specialist", 7],
] as const;

/** A deterministic HR export: a CEO, department heads reporting to them, a manager per 7 members; E1000 onwards. */
function companyExport(): { csv: string; heads: Record<string, string> } {
  const rows = [HEADER];
  const heads: Record<string, string> = {};
  const person = (title: string, department: string, managerId: string) => {
    const n = rows.length - 1;
    const [first, last] = [FIRST[n % FIRST.length]!, LAST[Math.floor(n / FIRST.length)]!];
    const id = `E${1000 + n}`;
    rows.push(
      [
        id,
        first,
        last,
        "",
        `${first}.${last}@example.com`.toLowerCase(),
        title,
        department,
        "London",
        managerId,
        "employee",
        "active",
        "2024-01-15",
        "",
        "",
        "",
      ].join(","),
    );
    return id;
  };
  const ceo = person("Chief Executive Officer", "Executive", "");
  for (const [department, headTitle, title, size] of DEPARTMENTS) {
    const head = (heads[department] = person(headTitle, department, ceo));
    let manager = head;
    for (let i = 1; i < size; i++) {
      if (i % 8 === 1) manager = person(`${department} Manager`, department, head);
      else person(title, department, manager);
    }
  }
  return { csv: `${rows.join("\n")}\n`, heads };
}

const PLANNED = 306;
const KILL_AFTER = Math.round(PLANNED / 3);
const CREATED = /idlc:\w+Account (\S+) created$/;
const up = ["up", "--stack", "demo", "--yes"];
let p: IdentityProject;
let before: Record<string, string[]>;

beforeAll(async () => {
  p = await identityProject();
  const company = companyExport();
  writeFileSync(p.peopleFile, company.csv);
  // The demo's sales-org rule names the demo's VP Sales; point it at this company's.
  const roles = path.join(demoDir(p), "roles.yaml");
  writeFileSync(roles, readFileSync(roles, "utf8").replace("reportsTo: E003", `reportsTo: ${company.heads.Sales}`));
  // What the emulators hold before idlc runs (Slack's primary owner) is nobody's account to count.
  before = Object.fromEntries(await Promise.all(apps.map(async (app) => [app, await p.accounts(app)] as const)));
}, 60_000);
afterAll(async () => {
  await p?.stop();
  if (p) rmSync(p.dir, { recursive: true, force: true });
});

/** Runs `idlc up` and SIGKILLs its whole process group once `count` accounts are reported created. */
async function upKilledAfter(
  count: number,
): Promise<{ created: string[]; signal: NodeJS.Signals | null; output: string }> {
  const child = p.start(up);
  const created: string[] = [];
  let output = "";
  let pending = "";
  let killed = false;
  child.stdout.on("data", (d: Buffer) => (output += d));
  // Steps are reported on stderr (the plain renderer), one line each as they start and as they end.
  child.stderr.on("data", (d: Buffer) => {
    output += d;
    const lines = (pending + d).split("\n");
    pending = lines.pop()!;
    for (const name of lines.map((l) => CREATED.exec(l)?.[1]).filter((n) => n !== undefined)) created.push(name);
    if (created.length >= count && !killed) {
      killed = true;
      process.kill(-child.pid!, "SIGKILL");
    }
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, sig) => resolve(sig)));
  // The program and the provider host were in the killed group: none may go on writing to the emulators.
  await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false);
  return { created, signal, output };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The accounts a preview plans, as `app/employeeId` (scim:github → scim), and the ops it would run on anything. */
async function plan(): Promise<{ accounts: string[]; changes: string[] }> {
  const { stdout } = await p.ok(["preview", "--stack", "demo", "--json"]);
  const steps = stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).resourcePreEvent?.metadata)
    .filter(Boolean);
  return {
    accounts: steps
      .filter((m) => /idlc:\w+Account$/.test(m.type))
      .map((m) => m.urn.slice(m.urn.lastIndexOf("::") + 2).replace(/^scim:\w+\//, "scim/")),
    changes: steps.filter((m) => m.op !== "same").map((m) => `${m.op} ${m.urn}`),
  };
}

/** Accounts whose refresh found the app's object gone, replaced or different from what the state recorded. */
async function driftedAccounts(): Promise<string[]> {
  const { stdout } = await p.ok(["refresh", "--stack", "demo", "--yes", "--json"]);
  const reads = stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).resOutputsEvent?.metadata)
    .filter((m) => m && /idlc:\w+Account$/.test(m.type));
  const fields = (s: any) => JSON.stringify([s?.id, s?.outputs]);
  return reads.filter((m) => fields(m.old) !== fields(m.new)).map((m) => m.urn.slice(m.urn.lastIndexOf("::") + 2));
}

/** One app's accounts against the plan: every planned employee exactly once, no one else. */
function reconcile(held: string[], planned: string[]) {
  const counts = new Map<string, number>();
  for (const id of held) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    duplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    orphans: [...counts.keys()].filter((id) => !planned.includes(id)),
    missing: planned.filter((id) => !counts.has(id)),
  };
}

describe("a crash in the middle of up", { timeout: 600_000 }, () => {
  it("is followed by an up that converges: no duplicate and no orphaned account in any app", async () => {
    const crashed = await upKilledAfter(KILL_AFTER);
    expect(crashed.signal, crashed.output.slice(-3000)).toBe("SIGKILL");
    expect(crashed.created.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(crashed.created.length).toBeLessThan(PLANNED / 2);

    const recovery = await p.ok(up);
    // The kill left operations in flight: the second run found them in the journal and retried them.
    expect(recovery.stderr).toMatch(/recovered an interrupted update/);
    // The state and the apps agree on every account (a state id pointing nowhere, or at someone else, would show).
    expect(await driftedAccounts()).toEqual([]);
    const { accounts, changes } = await plan();
    expect(changes).toEqual([]);
    expect(accounts).toHaveLength(PLANNED);
    for (const app of apps) {
      const baseline = [...before[app]!];
      const held = (await p.accounts(app)).filter((id) => {
        const i = baseline.indexOf(id);
        return i < 0 || (baseline.splice(i, 1), false);
      });
      const planned = accounts.filter((a) => a.startsWith(`${app}/`)).map((a) => a.slice(app.length + 1));
      expect(planned.length, app).toBeGreaterThan(0);
      expect(reconcile(held, planned), app).toEqual({ duplicates: [], orphans: [], missing: [] });
    }
  });
});
