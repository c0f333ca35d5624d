import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/stored-provider";

const project = mkdtempSync(path.join(os.tmpdir(), "idlc-sandbox-"));
const idlc = (...args: string[]) =>
  new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(repoRoot, "bin/idlc.js"), "sandbox", ...args],
      { cwd: project },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ stdout, stderr })),
    ),
  );
afterAll(async () => {
  await idlc("stop").catch(() => undefined);
  rmSync(project, { recursive: true, force: true });
});

/** One cheap request per emulator: HTTP answers (any status below 500), LDAP accepts a TCP connection. */
async function reachable(url: string, token: string): Promise<boolean> {
  const u = new URL(url);
  if (u.protocol === "ldap:") {
    return new Promise((resolve) => {
      const socket = net
        .connect(Number(u.port), u.hostname, () => resolve(socket.end() && true))
        .on("error", () => resolve(false));
    });
  }
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return res.status < 500;
}

describe("idlc sandbox start|status|stop", () => {
  it("starts every emulator in the background, reports them, is idempotent, and stops", async () => {
    const started = JSON.parse((await idlc("start", "--json")).stdout);
    expect(started.running).toBe(true);
    expect(started.apps.scim).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/),
      token: expect.any(String),
    });

    const status = JSON.parse((await idlc("status", "--json")).stdout);
    expect(status).toEqual(started);
    for (const [name, app] of Object.entries(status.apps as Record<string, { url: string; token: string }>)) {
      expect([name, await reachable(app.url, app.token)]).toEqual([name, true]);
    }
    const users = await fetch(`${status.apps.scim.url}/Users`, {
      headers: { authorization: `Bearer ${status.apps.scim.token}` },
    });
    expect(users.status).toBe(200);

    const again = await idlc("start", "--json");
    expect(again.stderr).toMatch(/already running/);
    expect(JSON.parse(again.stdout).pid).toBe(started.pid);

    expect((await idlc("stop")).stderr).toMatch(/stopped/);
    expect(JSON.parse((await idlc("status", "--json")).stdout)).toEqual({ running: false, apps: {} });
    await expect(fetch(`${status.apps.scim.url}/Users`)).rejects.toThrow();
  }, 90_000);
});
