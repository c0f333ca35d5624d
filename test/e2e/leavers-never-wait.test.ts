/**
 * A leaver is disabled no matter what else fails (DESIGN.md §4.11), end to end through `idlc up` on the sandbox with
 * real slapd: another person's failed update, a failure on the leaver's own directory account, a failed group and a
 * 500 storm on a whole app each stay with whom they concern; `up` exits 1 with a per-person summary naming the
 * failure and its fix; once the cause is gone the next `up` converges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityProject, setPerson, type IdentityProject } from "./harness";
import { clearFaults, endingIn, googleIdOf, injectFault } from "./faults";

const today = new Date().toISOString().slice(0, 10);
const storm = (path?: string, methods?: string[]) => ({ serverError: { count: 100_000, status: 500 }, match: { path, methods } });
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
  for (const app of ["entra", "google", "slack", "scim", "ldap"] as const) if ((await p.account(app, employeeId)).exists) held.push(app);
  return held;
}

async function expectDisabledEverywhere(employeeId: string, apps: readonly string[], except: string[] = []) {
  for (const app of apps.filter((a) => !except.includes(a))) {
    expect(await p.account(app as never, employeeId), `${employeeId} in ${app}`).toMatchObject({ exists: true, enabled: false });
  }
}

describe("a leaver is disabled whatever else fails", { timeout: 600_000 }, () => {
  it("the manager's update is refused in the same change: the report is disabled in every app, the manager's failure reported", async () => {
    const apps = await appsOf("E013");
    expect(apps).toEqual(expect.arrayContaining(["google", "slack", "ldap"]));
    await injectFault(p, "google", storm(endingIn(await googleIdOf(p, p.emailOf("E010"))), ["PUT", "PATCH"]));
    setPerson(p, "E010", { title: "Senior Engineering Manager" });
    setPerson(p, "E013", { status: "terminated", termination_date: today });
    const failed = await up();
    expect(failed.code, failed.stderr).toBe(1);
    await expectDisabledEverywhere("E013", apps);
    expect(failed.stderr).toMatch(/1 person not updated, \d+ applied/);
    expect(failed.stderr).toMatch(/E010 google: update failed: google: PUT \S+ failed \(HTTP 500\).* — fix: The app did not answer properly/);
    await clearFaults(p, "google");
    const fixed = await up();
    expect(fixed.code, fixed.stderr).toBe(0);
    const again = await p.ok(["preview", "--stack", "demo", "--json"]);
    expect(again.stdout).not.toMatch(/"op":"(update|create|delete)"/);
  });
});
