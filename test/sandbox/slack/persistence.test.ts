import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSlackEmulator } from "../../../sandbox/slack";
import { caller, newUser } from "./call";

const dir = mkdtempSync(path.join(tmpdir(), "idlc-slack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Slack emulator: persistence", () => {
  it("keeps users, deactivation, ids and its token across a restart from the same data dir", async () => {
    const first = await startSlackEmulator({ dataDir: dir });
    const { body: user } = await caller(first)("POST", "/Users", newUser("kept", "kept@corp.com"));
    await caller(first)("DELETE", `/Users/${user.id}`);
    await first.stop();

    const second = await startSlackEmulator({ dataDir: dir });
    try {
      expect(second.token).toBe(first.token);
      const call = caller(second);
      expect((await call("GET", `/Users/${user.id}`)).body).toMatchObject({ userName: "kept", active: false });
      expect((await call("GET", "/Users")).body.totalResults).toBe(2); // the one primary owner was not seeded twice
      const { body: next } = await call("POST", "/Users", newUser("next", "next@corp.com"));
      expect(next.id).not.toBe(user.id);
    } finally {
      await second.stop();
    }
  });

  it("saves a burst of writes once it ends, without waiting for a stop", async () => {
    const own = mkdtempSync(path.join(dir, "burst-"));
    const emulator = await startSlackEmulator({ dataDir: own });
    try {
      const call = caller(emulator);
      const made = await Promise.all(
        ["a", "b", "c"].map(async (n) => (await call("POST", "/Users", newUser(n, `${n}@corp.com`))).body.id as string),
      );
      // A daemon killed without its stop loses at most the last burst: this one is on disk once the burst has ended.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const saved = JSON.parse(readFileSync(path.join(own, "slack.json"), "utf8")) as { users: { id: string }[] };
      expect(saved.users.map((u) => u.id)).toEqual(expect.arrayContaining(made));
    } finally {
      await emulator.stop();
    }
  });
});
