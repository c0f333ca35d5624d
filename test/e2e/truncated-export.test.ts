/**
 * A truncated HR export (half the rows gone) is stopped three times over: by `validate`'s anomaly gate, by the
 * deprovisioning budget, and — forced past both — by the providers refusing to delete enabled accounts.
 * Nothing is lost in any case.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityProject, type IdentityProject } from "./harness";

let p: IdentityProject;
let previous: string;
const gone = ["E040", "E050", "E060", "E062"];

beforeAll(async () => {
  p = await identityProject();
  await p.ok(["up", "--stack", "demo", "--yes"]);
  previous = path.join(p.dir, "people-previous-export.csv");
  copyFileSync(p.peopleFile, previous);
  p.editPeople((rows) => rows.slice(0, Math.ceil(rows.length / 2)));
}, 300_000);
afterAll(() => p?.stop());

describe("a truncated HR export", { timeout: 300_000 }, () => {
  it("is stopped by validate's anomaly gate against the previous export", async () => {
    const result = await p.idlc(["validate", "--stack", "demo", "--previous", previous]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/dropped|gone without a termination/i);
  });

  it("is stopped by the deprovisioning budget before anything changes", async () => {
    const result = await p.idlc(["up", "--stack", "demo", "--yes"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("more accounts than the safety budget allows; nothing was changed");
    expect(result.stderr).toMatch(/--allow-deprovision \d+/);
    for (const id of gone) expect(await p.account("google", id), id).toMatchObject({ exists: true, enabled: true });
  });

  it("forced past both, still deletes no enabled account: the providers refuse", async () => {
    const refused = await p.idlc(["up", "--stack", "demo", "--yes"]);
    const allow = /--allow-deprovision (\d+)/.exec(refused.stderr)![1]!;
    const forced = await p.idlc(["up", "--stack", "demo", "--yes", "--allow-deprovision", allow]);
    expect(forced.code).toBe(1);
    expect(`${forced.stdout}${forced.stderr}`).toMatch(
      /refusing to delete the account of E0\d+ because it is still enabled/,
    );
    for (const id of gone) {
      for (const app of ["google", "slack"] as const)
        expect(await p.account(app, id), `${app} ${id}`).toMatchObject({ exists: true, enabled: true });
    }
    // Restoring the export brings the stack back without losing anyone: enabled accounts never left the state,
    // and disabled ones the forced run let go are adopted again.
    copyFileSync(previous, p.peopleFile);
    const preview = await p.ok(["preview", "--stack", "demo"]);
    expect(preview.stderr).not.toMatch(/to delete|interrupted/);
    await p.ok(["up", "--stack", "demo", "--yes"]);
    expect((await p.ok(["preview", "--stack", "demo"])).stderr).not.toMatch(/to create|to update|to delete/);
  });
});
