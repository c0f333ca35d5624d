/**
 * `npm run demo -- sspr` from a fresh copy of the checkout: one reset walked end to end on the sandbox — the link
 * from the local inbox, the new password binding to the real slapd and held by the Entra and Google emulators —
 * then a joiner's day one through the real `idlc sspr activate` (the activation mail at the catcher, her first
 * password binding to slapd, no second link on the next run), and `idlc audit verify` with the portal log pinned
 * by the stack's chain. The audit commands it ends with work as printed; deleting the portal log fails verify.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SLAPD_PATH } from "../../sandbox/ldap/start-slapd";
import { freshClone } from "./fresh-clone";

const clone = freshClone();
afterAll(() => clone.remove());

describe("npm run demo -- sspr", () => {
  it("resets one person's password in every password authority and shows it in the audit trail", async () => {
    const { code, stdout, stderr } = await clone.sh("npm run demo -- sspr", { IDLC_SLAPD: SLAPD_PATH });
    const out = `${stdout}${stderr}`;
    expect(code, out.slice(-4000)).toBe(0);
    expect(out).toMatch(/the link arrived at the recovery address HR holds for her, leah\.cohen@home\.example/);
    expect(out).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/reset\?token=[\w-]{22}$/m);
    expect(out).toMatch(/ldap: a bind as uid=leah\.cohen,\S+ with the new password succeeds, with any other it fails/);
    expect(out).toContain("entra: the emulator holds the new password for leah.cohen@example.com");
    expect(out).toContain("google: the emulator holds the new password for leah.cohen@example.com");
    expect(out).toMatch(/sspr demo finished in \d+ s \(password authorities: ldap, entra, google\)/);

    const audit = out
      .split("\n")
      .find((l) => l.trim().startsWith("npx idlc audit person"))!
      .trim();
    expect(audit).toBe("npx idlc audit person E061 -C .idlc/demo");
    const person = await clone.sh(audit);
    expect(person.code, person.stderr).toBe(0);
    for (const step of ["requested", "link-sent reset", "link-used", "reset.set ldap", "reset.set entra"]) {
      expect(person.stdout).toContain(step);
    }
    expect(person.stdout).toMatch(/completed reset: ldap, entra, google/);

    // Day one: one activation link, to the joiner only (Leah set hers already); a second run sends none.
    expect(out).toMatch(/^sent 1 activation link\(s\): E090$/m);
    expect(out).toContain(
      "the activation link arrived at the recovery address HR holds for her, noor.haddad@home.example",
    );
    expect(out).toMatch(/ldap: a bind as uid=\S+ with the password she chose succeeds \(real slapd\)/);
    expect(out).toMatch(/^sent 0 activation link\(s\)\nno new link, password already set: E061, E090$/m);
    // The second up recorded the portal log's head; verify checks the log holds it and the portal's own head.
    expect(out).toMatch(/^ok: \d+ portal events verified in \S+audit\.jsonl, head [0-9a-f]{64}; it holds the 2 head/m);
    const joiner = await clone.sh("npx idlc audit person E090 -C .idlc/demo");
    expect(joiner.stdout).toContain("link-sent activation");
    expect(joiner.stdout).toMatch(/completed activation: ldap, entra, google/);

    rmSync(path.join(clone.dir, ".idlc", "demo", ".idlc", "sspr", "demo", "audit.jsonl"));
    const deleted = await clone.sh("npx idlc audit verify -C .idlc/demo");
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toMatch(/FAILED: \S+audit\.jsonl is missing, but the stack sets identity:sspr/);
  }, 900_000);

  it("refuses an unknown story by name, before touching anything", async () => {
    const run = await clone.sh("npm run demo -- nonsense");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown demo "nonsense"');
  });
});
