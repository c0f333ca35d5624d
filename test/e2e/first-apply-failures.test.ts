/**
 * A first apply in which the CEO's and a VP's Google accounts cannot be created (the Directory API answers 500 for
 * them) still creates every other account of the company in every app: nothing waits on a manager's account, and
 * each failure stays with its person. The next `up`, once Google answers, creates only what was missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apps, identityProject, type IdentityProject } from "./harness";
import { clearFaults, endingIn, injectFault } from "./faults";

let p: IdentityProject;
beforeAll(async () => {
  p = await identityProject();
}, 300_000);
afterAll(() => p?.stop());

/** Employee ids holding an account, per app, as the emulators see them. */
const holders = async () =>
  Object.fromEntries(await Promise.all(apps.map(async (app) => [app, new Set(await p.accounts(app))] as const)));

describe("a first apply with refused creates", { timeout: 600_000 }, () => {
  it("creates every account but the refused ones and their own dependents; the next up adds only those", async () => {
    const refused = ["E001", "E003"].map((id) => p.emailOf(id));
    const match = { path: refused.map(endingIn).join("|"), methods: ["GET"] };
    await injectFault(p, "google", { serverError: { count: 100_000, status: 500 }, match });
    const first = await p.idlc(["up", "--stack", "demo", "--yes"]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/2 people not updated, \d+ applied/);
    expect(first.stderr).toMatch(
      /E001 google: create failed: google: GET \S+ failed \(HTTP 500\).* — fix: The app did not answer/,
    );
    expect(first.stderr).toMatch(/E003 google: create failed/);
    // The audit trail keeps the failed attempt: on the person, and in the metrics.
    const story = (await p.ok(["audit", "person", "E001", "--stack", "demo"])).stdout;
    expect(story).toMatch(/attempt-failed create: google: GET \S+ failed \(HTTP 500\)/);
    const metrics = (await p.ok(["audit", "metrics", "--stack", "demo"])).stdout;
    expect(metrics).toMatch(/failed attempts: 2\n[\s\S]*E001\s+google\s+create/);
    const before = await holders();
    expect(before.google!.has("E001")).toBe(false);
    expect(before.google!.has("E003")).toBe(false);
    expect(before.google!.has("E002")).toBe(true);
    await clearFaults(p, "google");
    const second = await p.idlc(["up", "--stack", "demo", "--yes"]);
    expect(second.code, second.stderr).toBe(0);
    const after = await holders();
    const newIn = (app: (typeof apps)[number]) => [...after[app]!].filter((id) => !before[app]!.has(id));
    const added = apps.flatMap((app) => newIn(app).map((id) => `${app}/${id}`));
    expect(added.length).toBeGreaterThan(0);
    expect(
      added.filter((a) => !/\/E00[13]$/.test(a)),
      "created only in the second run",
    ).toEqual([]);
    expect(added).toEqual(expect.arrayContaining(["google/E001", "google/E003"]));
  });
});
