/**
 * The leaver fast lane end to end on the sandbox: a termination entered in the BambooHR twin reaches every app
 * (real slapd included) through `idlc hr pull --apply-leavers`, while a joiner and a mover in the same pull wait
 * for the PR. Prints the time from the HR change to the last app disabled (goal ≤ 30 s for the demo company).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOverrides } from "../../provider/stack";
import { apps, demoDir, identityProject, type IdentityProject } from "../e2e/harness";
import { nameHrSource } from "./project";

const today = new Date().toISOString().slice(0, 10);
let p: IdentityProject;
/** The BambooHR twin's URL: the harness runs every registered emulator, and the sandbox state names them. */
let twinUrl: string;

beforeAll(async () => {
  p = await identityProject();
  nameHrSource(path.join(p.dir, "stacks", "Pulumi.demo.yaml"), "bamboohr");
  await p.ok(["up", "--stack", "demo", "--yes"]);
  twinUrl = JSON.parse(readFileSync(path.join(p.dir, ".idlc", "sandbox", "sandbox.json"), "utf8")).apps["hr-bamboohr"]
    .url;
}, 600_000);
afterAll(() => p?.stop());

describe("idlc hr pull --apply-leavers", { timeout: 300_000 }, () => {
  it("disables a leaver terminated in HR in every app, and leaves the joiner and the mover for the PR", async () => {
    for (const app of apps) expect(await p.account(app, "E007"), app).toMatchObject({ exists: true, enabled: true });
    const control = (route: string, body: unknown) =>
      fetch(`${twinUrl}/_hr/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const changedAt = Date.now();
    expect((await control("people/E007/terminate", { date: today })).status).toBe(200);
    await control("people", {
      employeeId: "E090",
      firstName: "Ines",
      lastName: "Moreau",
      workEmail: "ines.moreau@example.com",
      title: "Data Analyst",
      department: "Finance",
      location: "Paris",
      managerId: "E040",
      hireDate: today,
    });
    await control("people", { employeeId: "E031", department: "Sales", title: "Account Executive", managerId: "E021" });

    const run = await p.ok(["hr", "pull", "--stack", "demo", "--apply-leavers"]);
    for (const app of apps) expect(await p.account(app, "E007"), app).toMatchObject({ exists: true, enabled: false });
    const seconds = (Date.now() - changedAt) / 1000;
    console.log(
      `fast lane: terminated in the BambooHR twin → disabled in ${apps.length} apps in ${seconds.toFixed(1)} s`,
    );
    expect(run.stdout).toContain("Disabled E007");

    // The export holds all three changes for the PR; only the leaver was applied and recorded as an override.
    const exported = readFileSync(p.peopleFile, "utf8");
    expect(exported).toMatch(/\nE007,.*,terminated,/);
    expect(exported).toMatch(/\nE090,Ines,Moreau,/);
    expect(exported).toMatch(/\nE031,.*,Sales,/);
    expect(readOverrides(path.join(demoDir(p), "overrides.yaml")).map((o) => o.employeeId)).toEqual(["E007"]);
    for (const app of apps) expect(await p.accounts(app), app).not.toContain("E090");
    const preview = await p.ok(["preview", "--stack", "demo"]);
    // The PR's preview still has the joiner's creates and the mover's updates to do.
    const pending = `${preview.stdout}${preview.stderr}`;
    expect(pending).toMatch(/\/E090\b/);
    expect(pending).toMatch(/\/E031\b/);
  });
});
