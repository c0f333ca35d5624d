/** Who an audit record says ran `idlc kill` / `idlc sspr send-link|activate` when no `--by` is given. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { whoRuns } from "../../cli/actor";

describe("whoRuns", () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "idlc-actor-"));
    // No global or system Git identity and no $USER: as in a bare container or CI image.
    Object.assign(process.env, { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" });
    delete process.env.USER;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes --by first", () => {
    expect(whoRuns(dir, "helpdesk@example.com")).toBe("helpdesk@example.com");
  });

  it("takes the project's Git author when there is one", () => {
    execFileSync("git", ["init", "-q", dir]);
    execFileSync("git", ["config", "user.email", "it-ops@example.com"], { cwd: dir });
    expect(whoRuns(dir)).toBe("it-ops@example.com");
  });

  it("falls back to the OS account, read from the system, when $USER is unset and Git has no identity", () => {
    expect(whoRuns(dir)).toBe(userInfo().username);
    expect(whoRuns(dir)).not.toBe("unknown");
  });
});
