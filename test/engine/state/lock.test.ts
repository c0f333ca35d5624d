import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openBackend, StateError } from "../../../engine/state";
import { tempProject } from "./fixtures/resources";
import { validateEveryWrittenCheckpoint } from "./fixtures/validate-all";

validateEveryWrittenCheckpoint();

function locksDir(projectDir: string): string {
  return join(projectDir, ".pulumi", "locks", "organization", "p", "dev");
}

describe("stack lock", () => {
  it("writes Pulumi's lock content and refuses a second lock, naming the holder", async () => {
    const project = tempProject();
    const first = openBackend({ project, env: {} });
    const unlock = await first.lock("dev");
    const [name] = readdirSync(locksDir(project.dir));
    expect(name).toMatch(/^[0-9a-f-]{36}\.json$/);
    const content = JSON.parse(readFileSync(join(locksDir(project.dir), name!), "utf8"));
    expect(content).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Object.keys(content)).toEqual(["pid", "username", "hostname", "timestamp"]);

    const err = await openBackend({ project, env: {} })
      .lock("dev")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).code).toBe("STATE_LOCKED");
    expect((err as StateError).message).toContain(`@${hostname()} (pid ${process.pid})`);
    expect((err as StateError).message).toContain(name);
    expect(readdirSync(locksDir(project.dir))).toHaveLength(1); // the loser removed its own lock

    await unlock();
    const again = await openBackend({ project, env: {} }).lock("dev");
    await again();
    expect(readdirSync(locksDir(project.dir))).toEqual([]);
  });

  it("reports and removes a lock whose process on this host is gone", async () => {
    const project = tempProject();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    mkdirSync(locksDir(project.dir), { recursive: true });
    const stale = join(locksDir(project.dir), "11111111-2222-4333-8444-555555555555.json");
    writeFileSync(
      stale,
      JSON.stringify({ pid: dead, username: "ci", hostname: hostname(), timestamp: "2026-01-01T00:00:00Z" }),
    );
    const warnings: string[] = [];
    const unlock = await openBackend({ project, env: {}, onWarning: (m) => warnings.push(m) }).lock("dev");
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`stale lock.*ci@${hostname()} \\(pid ${dead}\\)`))]);
    expect(readdirSync(locksDir(project.dir))).toHaveLength(1);
    await unlock();
  });

  it("keeps a lock from another host, whose process it cannot check", async () => {
    const project = tempProject();
    mkdirSync(locksDir(project.dir), { recursive: true });
    writeFileSync(
      join(locksDir(project.dir), "a.json"),
      JSON.stringify({ pid: 1, username: "bob", hostname: "elsewhere", timestamp: "t" }),
    );
    await expect(openBackend({ project, env: {} }).lock("dev")).rejects.toThrow(/bob@elsewhere \(pid 1\)/);
  });
});
