import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, PASSPHRASE } from "./helpers/project";
import { writeSpec } from "./helpers/spec";

const IDLC = resolve(__dirname, "../../bin/idlc.js");

describe("idlc preview/up/stack output", () => {
  const project = createProject("files");
  afterAll(() => project.cleanup());
  const idlc = (...args: string[]) =>
    spawnSync(process.execPath, [IDLC, ...args, "--cwd", project.dir], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, PATH: "/usr/bin:/bin" },
    });

  it("emits engine events as JSON lines with --json and exits 0", () => {
    writeSpec(project, {
      resources: [{ name: "a", content: "hi", secret: true }],
      outputs: { content: "a.content", size: "a.size" },
    });
    const r = idlc("preview", "--json");
    expect(r.status).toBe(0);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events.at(-1).summaryEvent.resourceChanges).toEqual({ create: 3 });
    expect(events.every((e, i) => e.sequence === i)).toBe(true);
  });

  it("applies with --yes and shows outputs with secrets masked unless asked", () => {
    expect(idlc("up", "--yes").status).toBe(0);
    const masked = idlc("stack", "output", "--json");
    expect(JSON.parse(masked.stdout)).toEqual({ content: "[secret]", size: 2 });
    expect(idlc("stack", "output", "content", "--show-secrets").stdout.trim()).toBe("hi");
    const missing = idlc("stack", "output", "nope");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no output named 'nope'.*\n.*fix: use one of: content, size/);
  });

  it("refuses `up` without --yes when not interactive, and --engine pulumi without a pulumi binary", () => {
    expect(idlc("up").stderr).toMatch(/needs --yes/);
    const r = idlc("preview", "--engine", "pulumi");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/needs the `pulumi` binary on PATH/);
  });
});
