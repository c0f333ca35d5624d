/**
 * The lifecycle through `idlc` itself, on the offline engine and the sandbox: leaver, leave, mover, rehire, kill
 * switch, joiner from pre-hire to day one, and deletion after retention — each checked in the apps' emulators.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDay } from "../../scripts/workspace";
import { apps, demoDir, identityProject, setPerson, type IdentityProject } from "./harness";

const today = new Date().toISOString().slice(0, 10);
let p: IdentityProject;
const up = (...extra: string[]) => p.ok(["up", "--stack", "demo", "--yes", ...extra]);

beforeAll(async () => {
  p = await identityProject();
  await up();
}, 300_000);
afterAll(() => p?.stop());

/** `idlc up`, and once more with exactly the `--allow-deprovision N` it asks for if the safety budget stops it. */
async function upPastBudget(...extra: string[]) {
  const first = await p.idlc(["up", "--stack", "demo", "--yes", ...extra]);
  if (first.code === 0) return first;
  const allow = /--allow-deprovision (\d+)\.?\n/.exec(first.stderr)?.[1];
  if (!allow) throw new Error(`idlc up failed:\n${first.stderr}`);
  return up(...extra, "--allow-deprovision", allow);
}

describe("identity lifecycle end to end", { timeout: 300_000 }, () => {
  it("a leaver is disabled in every app the same day, sessions revoked; leave suspends; a mover's access follows", async () => {
    expect(await p.account("google", "E013")).toMatchObject({ exists: true, enabled: true, sessionsRevoked: false });
    setPerson(p, "E013", { status: "terminated", termination_date: today });
    setPerson(p, "E014", { status: "leave" });
    setPerson(p, "E031", { department: "Sales", title: "Account Executive", manager_id: "E021" });
    // Two people losing access in apps of 14 accounts is over the safety budget: stopped, with the exact flag.
    const refused = await p.idlc(["up", "--stack", "demo", "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("more accounts than the safety budget allows; nothing was changed");
    expect(await p.account("google", "E013")).toMatchObject({ enabled: true });
    const allow = /--allow-deprovision (\d+)/.exec(refused.stderr)![1]!;
    await up("--allow-deprovision", allow);
    for (const app of ["google", "slack", "scim", "ldap"] as const)
      expect(await p.account(app, "E013"), app).toMatchObject({ exists: true, enabled: false });
    expect((await p.account("google", "E013")).sessionsRevoked).toBe(true);
    expect(await p.account("google", "E014")).toMatchObject({ exists: true, enabled: false });
    expect(await p.account("slack", "E014")).toMatchObject({ exists: true, enabled: false });
    const audit = await p.ok(["audit", "person", "E031", "--stack", "demo", "--json"]);
    expect(audit.stdout).toContain("Sales");
  });

  it("a rehire inside retention gets the same accounts back, enabled", async () => {
    setPerson(p, "E013", { status: "active", termination_date: "", hire_date: today });
    await up();
    for (const app of ["google", "slack", "scim", "ldap"] as const)
      expect(await p.account(app, "E013"), app).toMatchObject({ exists: true, enabled: true });
  });

  it("the kill switch disables a person everywhere at once, revokes sessions and records the override", async () => {
    for (const app of apps) expect(await p.account(app, "E007"), app).toMatchObject({ exists: true, enabled: true });
    const killed = await p.ok([
      "kill",
      "E007",
      "--stack",
      "demo",
      "--reason",
      "laptop stolen",
      "--by",
      "security@example.com",
    ]);
    expect(killed.stdout).toContain("git add");
    for (const app of apps) expect(await p.account(app, "E007"), app).toMatchObject({ exists: true, enabled: false });
    expect(await p.account("google", "E007")).toMatchObject({ sessionsRevoked: true });
    expect(await p.account("entra", "E007")).toMatchObject({ sessionsRevoked: true });
    const overrides = readFileSync(path.join(demoDir(p), "overrides.yaml"), "utf8");
    expect(overrides).toMatch(/employeeId: E007[\s\S]*by: security@example.com[\s\S]*reason: laptop stolen/);
    // Whatever HR still says, the next ordinary run keeps the cutoff.
    await up();
    expect(await p.account("slack", "E007")).toMatchObject({ enabled: false });
  });

  it("a mover who loses an app keeps that account disabled, out of its groups, until retention ends; then it is deleted", async () => {
    for (const app of ["ldap", "scim", "slack"] as const)
      expect(await p.account(app, "E012"), app).toMatchObject({ exists: true, enabled: true });
    setPerson(p, "E012", { department: "Sales", title: "Account Executive", manager_id: "E003" });
    await upPastBudget();
    for (const app of ["ldap", "scim"] as const)
      expect(await p.account(app, "E012"), app).toMatchObject({ exists: true, enabled: false });
    expect(await p.account("slack", "E012")).toMatchObject({ exists: true, enabled: true });
    // A later run inside retention keeps it as it is; after retention it goes, while the accounts still granted stay.
    const dayAfterRetention = new Date(Date.parse(today) + 31 * 86_400_000).toISOString().slice(0, 10);
    await upPastBudget("--as-of", dayAfterRetention);
    for (const app of ["ldap", "scim"] as const) expect(await p.account(app, "E012"), app).toEqual({ exists: false });
    expect(await p.account("google", "E012")).toMatchObject({ exists: true, enabled: true });
  });

  it("a joiner's accounts are prepared disabled before day one and enabled on it; old leavers are deleted after retention", async () => {
    expect(await p.account("google", "E070")).toEqual({ exists: false });
    await up("--as-of", demoDay("2027-01-28"));
    expect(await p.account("google", "E070")).toMatchObject({ exists: true, enabled: false });
    expect(await p.account("slack", "E070")).toMatchObject({ exists: true, enabled: false });
    await up("--as-of", demoDay("2027-02-01"));
    expect(await p.account("google", "E070")).toMatchObject({ exists: true, enabled: true });
    // E024 left five days before the demo's day; 30 days of retention later the account is gone (Google keeps it restorable).
    expect(await p.account("google", "E024")).toEqual({ exists: false });
  });

  it("the audit trail tells each person's story from the engine's own history, and its hash chain verifies", async () => {
    const story = (await p.ok(["audit", "person", "E013", "--stack", "demo"])).stdout;
    for (const event of ["created", "disabled", "sessions-revoked", "enabled"]) expect(story, event).toContain(event);
    const killed = (await p.ok(["audit", "person", "E007", "--stack", "demo"])).stdout;
    expect(killed).toContain("disabled");
    expect((await p.ok(["audit", "verify", "--stack", "demo"])).stdout).toMatch(/ok: \d+ updates verified/);
  });
});
