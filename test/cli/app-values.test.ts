/**
 * "Refused values are caught before merge" through `idlc` as a user runs it, on a copy of the demo project and the
 * sandbox: a CEO and a VP whose names Google refuses are flagged by validate and preview (mapped for Google, exact
 * elsewhere), a value nothing can map fails both for that person alone, and the first apply creates every account
 * with the mapped name in Google and the exact one in the other apps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxDir } from "../../sandbox";
import { readSandboxState } from "../../sandbox/state";
import { apps, identityProject, type IdentityProject } from "../e2e/harness";

let p: IdentityProject;
beforeAll(async () => {
  p = await identityProject();
}, 120_000);
afterAll(() => p?.stop());

/** Sets cells of several people in one rewrite of the export (the workspace quotes a cell that needs it). */
function setPeople(changes: Record<string, Record<string, string>>): void {
  p.editPeople((rows) => {
    const header = rows[0]!;
    for (const [id, fields] of Object.entries(changes)) {
      const row = rows.find((r) => r[0] === id)!;
      for (const [field, value] of Object.entries(fields)) {
        row[header.indexOf(field)] = value;
      }
    }
    return rows;
  });
}

/** One user as the app's emulator answers it over its API (the sandbox state holds each emulator's URL and token). */
async function user(app: "google" | "slack", email: string, employeeId: string): Promise<any> {
  const { url, token } = readSandboxState(sandboxDir(p.dir))!.apps[app]!;
  const path = app === "google" ? `/users/${email}` : "/Users?count=1000";
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, `${app} ${email}`).toBe(200);
  const body = (await res.json()) as any;
  return app === "google" ? body : body.Resources.find((u: any) => u.externalId === employeeId);
}

const lines = (text: string, code: string) => text.split("\n").filter((l) => l.includes(code));

describe("values an app would refuse, before anything runs", { timeout: 600_000 }, () => {
  it("validate and preview flag a CEO's and a VP's names for Google, and fail on a value nothing maps", async () => {
    setPeople({
      E001: { last_name: "Bennett, Jr." },
      E003: { last_name: "Raman (Iyer)" },
      E004: { first_name: "🙂" },
    });
    const validate = await p.idlc(["validate", "--stack", "demo"]);
    expect(validate.code, validate.stdout).toBe(1);
    expect(lines(validate.stdout, "Google name.familyName"), validate.stdout).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`people\.csv:2:lastName: warning: E001 \(Olivia Bennett, Jr\.\): ` +
            String.raw`Google name\.familyName "Bennett, Jr\." is refused: it contains ','; Google gets "Bennett Jr\."`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          String.raw`people\.csv:4:lastName: warning: E003 \(Priya Raman \(Iyer\)\): ` +
            String.raw`Google name\.familyName "Raman \(Iyer\)" is refused: it contains '\(' '\)'; ` +
            String.raw`Google gets "Raman Iyer"`,
        ),
      ),
    ]);
    const refused = validate.stdout.split("\n").filter((l) => l.includes(": error: "));
    expect(refused).toEqual([
      expect.stringMatching(
        /people\.csv:5:firstName: error: E004 \(🙂 Alvarez\): Google name\.givenName "🙂" is refused: .*everyone else/,
      ),
    ]);

    const preview = await p.idlc(["preview", "--stack", "demo"]);
    expect(preview.code, preview.stderr.slice(-3000)).toBe(1);
    // E004's emoji is also mapped out of their Slack display name: three mappings.
    expect(preview.stderr).toContain("3 name(s) mapped for an app, 1 value(s) an app would refuse");
    for (const id of ["E001", "E003"]) {
      expect(preview.stderr).toMatch(new RegExp(`warning: ${id} .*Google name\\.familyName`));
    }
    expect(preview.stderr).toMatch(/error: E004 \(🙂 Alvarez\): Google name\.givenName "🙂"/);
  });

  it("with the unmappable name fixed, preview passes flagging both, and the first apply creates everyone", async () => {
    setPeople({ E004: { first_name: "Sofia" } });
    const validate = await p.idlc(["validate", "--stack", "demo"]);
    expect(validate.code, validate.stdout).toBe(0);
    const preview = await p.ok(["preview", "--stack", "demo"]);
    expect(preview.stderr).toContain("2 name(s) mapped for an app, 0 value(s) an app would refuse");
    expect(lines(preview.stderr, "Google name.familyName").map((l) => l.trim().slice(0, 60))).toHaveLength(2);

    await p.ok(["up", "--stack", "demo", "--yes"]);
    // Every account of the plan exists: the mapped names held nobody back.
    const planned = JSON.parse((await p.ok(["stack", "output", "accounts", "--stack", "demo", "--json"])).stdout);
    for (const app of apps) {
      const { enabled, disabled } = planned[app === "scim" ? "scim:github" : app];
      expect((await p.accounts(app)).filter((id) => id !== "").length, app).toBe(enabled + disabled);
    }
    // Google holds the mapped names, Slack the exact ones; the next preview finds nothing to change (no drift).
    const google = await user("google", "olivia.bennett@example.com", "E001");
    expect(google.name).toMatchObject({ familyName: "Bennett Jr." });
    expect((await user("google", "priya.raman@example.com", "E003")).name).toMatchObject({ familyName: "Raman Iyer" });
    const slack = await user("slack", "olivia.bennett@example.com", "E001");
    expect(slack.name).toMatchObject({ familyName: "Bennett, Jr." });
    await p.ok(["preview", "--stack", "demo", "--expect-no-changes"]);
  });
});
