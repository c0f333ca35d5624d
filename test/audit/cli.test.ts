import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../cli/exit";
import { buildProgram } from "../../cli/program";
import { STACK } from "../fixtures/audit/generate";
import { FORMULA_NAME } from "../fixtures/audit/scripted-story";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `idlc audit …` in this process against the scripted project; returns stdout and the exit code it set. */
async function idlc(...args: string[]): Promise<{ stdout: string; code: number }> {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  await buildProgram().parseAsync(["node", "idlc", ...args, "--cwd", s.backend.root]);
  const code = Number(process.exitCode ?? 0);
  vi.restoreAllMocks();
  return { stdout: out.join(""), code };
}

describe("idlc audit (CLI)", () => {
  it("person --json: the timeline with the change behind each step", async () => {
    const { stdout, code } = await idlc("audit", "person", "E400", "--json");
    expect(code).toBe(0);
    const t = JSON.parse(stdout);
    expect(
      t.apps.google.map((e: { event: string; update: { version: number } }) => `${e.update.version} ${e.event}`),
    ).toEqual(["1 created", "1 group-added", "3 disabled", "3 sessions-revoked", "5 enabled"]);
  });

  it("person (text): one line per step with time, commit, author and CI run", async () => {
    const { stdout } = await idlc("audit", "person", "E500");
    expect(stdout).toContain("Kim Killswitch (E500)");
    expect(stdout).toMatch(
      /2026-03-10 14:20 {2}admin-revoked +update 6 2026-03-10T14:20:00\.000Z commit c6ffffffff by Carol Security\n/,
    );
  });

  it("access --as-of --format csv --app slack", async () => {
    const { stdout } = await idlc("audit", "access", "--as-of", "2026-02-15", "--format", "csv", "--app", "slack");
    const lines = stdout.trim().split("\r\n");
    expect(lines[0]).toBe("employee_id,name,app,entitlement,enabled,lifecycle,privileged,roles,since,approved_by");
    expect(lines).toContain(`E400,Rae Rehire,slack,account,false,terminated,false,employee,${T[3]},`);
    expect(lines).toContain(`E600,'${FORMULA_NAME},slack,account,true,active,false,employee,${T[1]},`);
    expect(lines).toHaveLength(12);
  });

  it("access from exported files (pulumi stack history --json + pulumi stack export)", async () => {
    const exportsDir = path.join(s.backend.root, "exports");
    const files = Object.values(s.backend.exportFiles).map((f) => path.relative(s.backend.root, f));
    const viaExports = await idlc(
      "audit",
      "access",
      "--as-of",
      "2026-03-15",
      "--format",
      "json",
      "--history",
      path.relative(s.backend.root, path.join(exportsDir, "history.json")),
      "--export",
      ...files,
    );
    const viaBackend = await idlc("audit", "access", "--as-of", "2026-03-15", "--format", "json");
    expect(JSON.parse(viaExports.stdout).rows).toEqual(JSON.parse(viaBackend.stdout).rows);
    expect(JSON.parse(viaExports.stdout).basedOn.version).toBe(6);
  });

  it("a bad --as-of is a usage error", async () => {
    await expect(idlc("audit", "access", "--as-of", "2026-02-30")).rejects.toThrow(UsageError);
  });

  it("review: the certification CSV, formula names neutralised", async () => {
    const { stdout } = await idlc("audit", "review", "--by", "manager");
    expect(stdout.split("\r\n")[0]).toBe(
      "reviewer,employee_id,name,manager_id,manager,app,entitlement,privileged,granted_by_roles,since,approved_by,decision",
    );
    expect(stdout).toContain(`Mo Mover (E200),E600,'${FORMULA_NAME},E200,Mo Mover,slack,account,no,employee,${T[1]},,`);
  });

  it("metrics --json reads hire and termination dates from the stack's HR export", async () => {
    const { stdout } = await idlc("audit", "metrics", "--json", "--now", "2026-04-01T00:00:00Z");
    const m = JSON.parse(stdout);
    expect(m.lateLeavers.map((x: { name: string }) => x.name)).toEqual(["Pat Pending", "Rae Rehire"]);
    expect(m.timeToDeprovision).toEqual({ count: 3, p50: 18, p90: 82, max: 82 });
    expect(m.timeToProvision).toEqual({ count: 2, p50: 8, p90: 9, max: 9 });
  });

  it("a split base whose shard has no history yet reads, and verifies, the base's own history from before the split", async () => {
    const unsplit = await idlc("audit", "person", "E400", "--stack", STACK, "--json");
    const shardFile = path.join(s.backend.root, "stacks", `Pulumi.${STACK}-apps.yaml`);
    writeFileSync(shardFile, `config:\n  identity:shard: { deployment: d, base: ${STACK}, apps: [slack] }\n`);
    try {
      const split = await idlc("audit", "person", "E400", "--stack", STACK, "--json");
      expect(split.code).toBe(0);
      const events = (t: string) => JSON.parse(t).apps.google as Array<{ event: string; update: { stack?: string } }>;
      expect(events(split.stdout).map((e) => e.event)).toEqual(events(unsplit.stdout).map((e) => e.event));
      const verified = await idlc("audit", "verify", "--stack", STACK, "--json");
      expect(verified.code).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        ok: true,
        shards: [{ stack: STACK, ok: true, verified: 7 }],
      });
    } finally {
      rmSync(shardFile);
    }
  });

  it("verify: exit 0 on the intact chain, exit 1 naming the first edited entry (the real binary)", () => {
    const run = () =>
      spawnSync(process.execPath, [path.join(__dirname, "..", "..", "bin", "idlc.js"), "audit", "verify"], {
        cwd: s.backend.root,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const ok = run();
    expect(ok.stdout).toMatch(/^ok: 7 updates verified, head [0-9a-f]{64}\n$/);
    expect(ok.status).toBe(0);
    const entry = path.join(s.backend.historyDir, s.backend.historyFiles[2]!);
    writeFileSync(entry, readFileSync(entry, "utf8").replace('"result":"succeeded"', '"result":"succeedet"'));
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(
      `FAILED: ${path.join(s.backend.historyDir, "chain.jsonl")} line 3 (update 3, ${s.backend.historyFiles[2]}): history entry ${s.backend.historyFiles[2]} was changed after it was chained`,
    );
  });
});
