/**
 * The leaver fast lane end to end on the sandbox, for every HR vendor: a termination entered in the vendor's twin
 * reaches every app (real slapd included) through `idlc hr pull --apply-leavers`, while a joiner and a mover in the
 * same pull wait for the PR. Prints the time from the HR change to the last app disabled (goal ≤ 30 s for the demo
 * company) and checks `idlc audit metrics` reports the same per leaver.
 *
 * One `up` for all five: the stack's `identity:hr.source` switches vendor between runs, and each twin is first told
 * what HR already decided in the earlier ones (their leavers, joiners and movers), as one company's HR would hold it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTerminations, terminationsFile } from "../../provider/hr-sources";
import { readOverrides } from "../../provider/stack-plan";
import { apps, demoDir, identityProject, type IdentityProject } from "../e2e/harness";
import { hrVendors, nameHrSource, switchHrVendor, type Vendor } from "./project";

const today = new Date().toISOString().slice(0, 10);
let p: IdentityProject;
let stackFile: string;
let twins: Record<string, { url: string }>;

/**
 * What HR does in each vendor's run: one leaver, one joiner, one mover. The leavers hold an LDAP account (slapd) and
 * between them every app: the IT admins have all five, IT support no GitHub, engineers no Entra.
 */
const changes: Record<Vendor, { leaver: string; joiner: Record<string, string>; mover: Record<string, string> }> = {
  bamboohr: {
    leaver: "E007",
    joiner: { employeeId: "E090", firstName: "Ines", lastName: "Moreau", title: "Data Analyst", department: "Finance" },
    mover: { employeeId: "E031", department: "Sales", title: "Account Executive", managerId: "E021" },
  },
  hibob: {
    leaver: "E060",
    joiner: { employeeId: "E091", firstName: "Kofi", lastName: "Mensah", title: "Recruiter", department: "People" },
    mover: { employeeId: "E032", title: "Senior Growth Marketer" },
  },
  personio: {
    leaver: "E062",
    joiner: { employeeId: "E092", firstName: "Lena", lastName: "Berg", title: "Accountant", department: "Finance" },
    mover: { employeeId: "E051", department: "Engineering", title: "Technical Recruiter", managerId: "E002" },
  },
  rippling: {
    leaver: "E061",
    joiner: { employeeId: "E093", firstName: "Omar", lastName: "Haddad", title: "IT Support", department: "IT" },
    mover: { employeeId: "E050", title: "Senior People Partner" },
  },
  workday: {
    leaver: "E013",
    joiner: { employeeId: "E094", firstName: "Paula", lastName: "Reyes", title: "Designer", department: "Marketing" },
    mover: { employeeId: "E025", department: "Marketing", title: "Product Marketer", managerId: "E030" },
  },
};

const joinerRecord = (j: Record<string, string>) => ({
  ...j,
  workEmail: `${j.firstName!.toLowerCase()}.${j.lastName!.toLowerCase()}@example.com`,
  location: "London",
  managerId: "E001",
  hireDate: today,
});

/** Acts as the HR admin in a vendor's twin, through its control endpoint. */
async function hr(vendor: Vendor, route: string, body: unknown): Promise<void> {
  // The control endpoint is at the twin's root (Workday's URL is its report's).
  const response = await fetch(`${new URL(twins[`hr-${vendor}`]!.url).origin}/_hr/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, `${vendor} /_hr/${route}`).toBe(200);
}

async function decide(vendor: Vendor, change: (typeof changes)[Vendor]): Promise<void> {
  await hr(vendor, `people/${change.leaver}/terminate`, { date: today });
  await hr(vendor, "people", joinerRecord(change.joiner));
  await hr(vendor, "people", change.mover);
}

beforeAll(async () => {
  p = await identityProject();
  stackFile = path.join(p.dir, "stacks", "Pulumi.demo.yaml");
  nameHrSource(stackFile, "bamboohr");
  await p.ok(["up", "--stack", "demo", "--yes"]);
  twins = JSON.parse(readFileSync(path.join(p.dir, ".idlc", "sandbox", "sandbox.json"), "utf8")).apps;
}, 600_000);
afterAll(() => p?.stop());

describe("idlc hr pull --apply-leavers, per vendor", { timeout: 300_000 }, () => {
  const seconds: Partial<Record<Vendor, number>> = {};

  it.each(hrVendors)("%s: disables the leaver in every app; joiner and mover wait for the PR", async (vendor) => {
    const done = hrVendors.slice(0, hrVendors.indexOf(vendor));
    // What HR decided in the earlier runs, so this twin holds the same company as the committed export.
    for (const earlier of done) await decide(vendor, changes[earlier]);
    switchHrVendor(stackFile, vendor);
    const { leaver, joiner, mover } = changes[vendor];
    const held: Array<(typeof apps)[number]> = [];
    for (const app of apps) if ((await p.account(app, leaver)).enabled) held.push(app);
    expect(held).toContain("ldap");

    const changedAt = Date.now();
    await decide(vendor, changes[vendor]);
    const run = await p.ok(["hr", "pull", "--stack", "demo", "--apply-leavers"]);
    for (const app of held) expect(await p.account(app, leaver), app).toMatchObject({ exists: true, enabled: false });
    seconds[vendor] = (Date.now() - changedAt) / 1000;
    console.log(
      `fast lane: terminated in the ${vendor} twin → disabled in ${held.join(", ")} in ` +
        `${seconds[vendor]!.toFixed(1)} s`,
    );
    expect(run.stdout).toContain(`Disabled ${leaver}`);
    const printed = `${leaver}: terminated in HR \\S+ \\(${vendor} \\S+\\) → disabled in every app in`;
    expect(run.stdout).toMatch(new RegExp(printed));

    // The export holds all three changes for the PR; only the leavers were applied and recorded as overrides.
    const exported = readFileSync(p.peopleFile, "utf8");
    expect(exported).toMatch(new RegExp(`\\n${leaver},.*,terminated,`));
    expect(exported).toMatch(new RegExp(`\\n${joiner.employeeId},${joiner.firstName},${joiner.lastName},`));
    expect(exported).toMatch(new RegExp(`\\n${mover.employeeId},.*,${mover.title},`));
    const leavers = [...done, vendor].map((v) => changes[v].leaver);
    expect(readOverrides(path.join(demoDir(p), "overrides.yaml")).map((o) => o.employeeId)).toEqual(leavers);
    expect(readTerminations(terminationsFile(p.peopleFile)).map((t) => t.employeeId)).toEqual(leavers);
    for (const app of apps) expect(await p.accounts(app), app).not.toContain(joiner.employeeId);
  });

  it("leaves every joiner's creates and mover's updates to the PR's preview", async () => {
    const preview = await p.ok(["preview", "--stack", "demo"]);
    const pending = `${preview.stdout}${preview.stderr}`;
    for (const { joiner, mover } of Object.values(changes)) {
      expect(pending).toMatch(new RegExp(`/${joiner.employeeId}\\b`));
      expect(pending).toMatch(new RegExp(`/${mover.employeeId}\\b`));
    }
  });

  it("idlc audit metrics reports terminated in HR → disabled in every app per leaver, p50/p95/max", async () => {
    const metrics = JSON.parse((await p.ok(["audit", "metrics", "--stack", "demo", "--json"])).stdout);
    const measured = metrics.hrToDisabled as Array<{
      employeeId: string;
      from: string;
      seconds: number;
      open: boolean;
    }>;
    expect(measured.map((m) => m.employeeId)).toEqual(hrVendors.map((v) => changes[v].leaver));
    for (const [i, vendor] of hrVendors.entries()) {
      const m = measured[i]!;
      expect(m.open).toBe(false);
      expect(m.from.startsWith(`${vendor} `)).toBe(true);
      // From the vendor's change stamp to the update's end: within what the test itself timed around it.
      expect(m.seconds).toBeGreaterThan(0);
      expect(m.seconds).toBeLessThanOrEqual(seconds[vendor]! + 1);
    }
    expect(metrics.timeHrToDisabled.count).toBe(5);
    const text = (await p.ok(["audit", "metrics", "--stack", "demo"])).stdout;
    // Seconds, or minutes on a loaded machine: the unit follows the value.
    const unit = "[\\d.]+ (s|min)";
    const summary = `terminated in HR → disabled in every app: 5 measured, p50 ${unit}, p95 ${unit}, max`;
    expect(text).toMatch(new RegExp(summary));
    console.log(text.slice(text.indexOf("terminated in HR →")));
  });
});
