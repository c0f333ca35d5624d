/**
 * A leaver is disabled no matter what else fails (DESIGN.md §4.11), end to end through `idlc up` on the sandbox with
 * real slapd: another person's failed update, a failure on the leaver's own directory account, a failed group and a
 * 500 storm on a whole app each stay with whom they concern; `up` exits 1 with a per-person summary naming the
 * failure and its fix; once the cause is gone the next `up` converges.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apps as allApps, demoDir, identityProject, setPerson, type IdentityProject } from "./harness";
import { clearFaults, endingIn, googleIdOf, injectFault } from "./faults";

const today = new Date().toISOString().slice(0, 10);
const storm = (path?: string, methods?: string[]) => ({
  serverError: { count: 100_000, status: 500 },
  match: { path, methods },
});
let p: IdentityProject;

beforeAll(async () => {
  p = await identityProject();
  await p.ok(["up", "--stack", "demo", "--yes"]);
}, 300_000);
afterAll(() => p?.stop());

/** `idlc up`, once more with exactly the `--allow-deprovision N` it names if the safety budget stops it. */
async function up(...extra: string[]) {
  const first = await p.idlc(["up", "--stack", "demo", "--yes", ...extra]);
  const allow = /run again with --allow-deprovision (\d+)/.exec(first.stderr)?.[1];
  return allow ? p.idlc(["up", "--stack", "demo", "--yes", ...extra, "--allow-deprovision", allow]) : first;
}

/** The apps where this person holds an account, as the emulators see it. */
async function appsOf(employeeId: string) {
  const held = [];
  for (const app of allApps) if ((await p.account(app, employeeId)).exists) held.push(app);
  return held;
}

async function expectDisabledEverywhere(employeeId: string, apps: readonly string[], except: string[] = []) {
  for (const app of apps.filter((a) => !except.includes(a))) {
    const account = await p.account(app as never, employeeId);
    expect(account, `${employeeId} in ${app}`).toMatchObject({ exists: true, enabled: false });
  }
}

describe("a leaver is disabled whatever else fails", { timeout: 600_000 }, () => {
  it("the manager's update is refused: the report is disabled in every app, the manager's failure reported", async () => {
    const apps = await appsOf("E013");
    expect(apps).toEqual(expect.arrayContaining(["google", "slack", "ldap"]));
    await injectFault(p, "google", storm(endingIn(await googleIdOf(p, p.emailOf("E010"))), ["PUT", "PATCH"]));
    setPerson(p, "E010", { title: "Senior Engineering Manager" });
    setPerson(p, "E013", { status: "terminated", termination_date: today });
    const failed = await up();
    expect(failed.code, failed.stderr).toBe(1);
    await expectDisabledEverywhere("E013", apps);
    expect(failed.stderr).toMatch(/1 person not updated, \d+ applied/);
    expect(failed.stderr).toMatch(
      /E010 google: update failed: google: PUT \S+ failed \(HTTP 500\).* — fix: The app did not answer/,
    );
    await clearFaults(p, "google");
    const fixed = await up();
    expect(fixed.code, fixed.stderr).toBe(0);
    await expectConverged();
  });

  it("the leaver's own directory account fails: their other apps and other leavers are still disabled", async () => {
    const [own, other] = [await appsOf("E012"), await appsOf("E014")];
    await injectFault(p, "google", storm(endingIn(await googleIdOf(p, p.emailOf("E012"))), ["PUT", "PATCH"]));
    setPerson(p, "E012", { status: "terminated", termination_date: today });
    setPerson(p, "E014", { status: "terminated", termination_date: today });
    const failed = await up();
    expect(failed.code, failed.stderr).toBe(1);
    await expectDisabledEverywhere("E012", own, ["google"]);
    expect(await p.account("google", "E012")).toMatchObject({ enabled: true });
    await expectDisabledEverywhere("E014", other);
    expect(failed.stderr).toMatch(/E012 google: update failed: .*\(HTTP 500\)/);
    await clearFaults(p, "google");
    expect((await up()).code).toBe(0);
    await expectDisabledEverywhere("E012", own);
    await expectConverged();
  });

  it("a group fails: its would-be members wait for it, and a leaver in the same change is disabled", async () => {
    const leaver = await appsOf("E017");
    const role = "incident-response,Incident response rota,ravi.sharma@example.com,slack,incident-response,no,,,,no,no";
    appendFileSync(path.join(demoDir(p), "roles.csv"), `${role}\n`);
    setPerson(p, "E011", { roles: "oncall;incident-response" });
    setPerson(p, "E017", { status: "terminated", termination_date: today });
    await injectFault(p, "slack", storm("/Groups$", ["POST"]));
    const failed = await up();
    expect(failed.code, failed.stderr).toBe(1);
    await expectDisabledEverywhere("E017", leaver);
    expect(failed.stderr).toMatch(/slack\/groups\/incident-response: create failed: .*\(HTTP 500\)/);
    expect(failed.stderr).toMatch(/E011 slack: skipped: it depends on slack\/groups\/incident-response/);
    await clearFaults(p, "slack");
    expect((await up()).code).toBe(0);
    await expectConverged();
  });

  it("a 500 storm on one app: leavers are disabled in every other app, and in that one once it answers", async () => {
    const leavers = { E018: await appsOf("E018"), E019: await appsOf("E019") };
    expect(leavers.E018).toContain("slack");
    await injectFault(p, "slack", storm());
    setPerson(p, "E018", { status: "terminated", termination_date: today });
    setPerson(p, "E019", { status: "terminated", termination_date: today });
    const failed = await up();
    expect(failed.code, failed.stderr).toBe(1);
    for (const [id, held] of Object.entries(leavers)) await expectDisabledEverywhere(id, held, ["slack"]);
    expect(failed.stderr).toMatch(/2 people not updated/);
    expect(failed.stderr).toMatch(/E018 slack: update failed: .*\(HTTP 500\)/);
    await clearFaults(p, "slack");
    expect((await up()).code).toBe(0);
    for (const [id, held] of Object.entries(leavers)) await expectDisabledEverywhere(id, held);
    await expectConverged();
  });
});

/** A preview after the fix plans nothing but `same`. */
async function expectConverged() {
  const preview = await p.ok(["preview", "--stack", "demo", "--json"]);
  expect(preview.stdout).toContain('"op":"same"');
  expect(preview.stdout).not.toMatch(/"op":"(update|create|delete|replace)"/);
}
