/**
 * The live view on a real terminal (tmux): a paced first apply of thousands of accounts shows a handful of
 * progress lines per app that move, with the rate-limit wait, and leaves no wall of lines behind; piped, the same
 * run prints its plain lines.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/workspace";
import { terminal, type Terminal } from "./tmux";

const PROGRAM = `node --require tsx/cjs ${path.join("test", "engine", "output", "paced-run.ts")}`;
const open: Terminal[] = [];
afterAll(() => open.forEach((t) => t.close()));

const appLine = (app: string) => new RegExp(`^${app.replace(":", "\\:")} +[█░]{20} +(\\d+)/(\\d+)`, "m");
const done = (screen: string, app: string) => Number(appLine(app).exec(screen)?.[1] ?? -1);

it("5,000 accounts: one moving line per app with done / total, elapsed and the rate-limit wait; no wall of lines", async () => {
  const t = terminal(`${PROGRAM} 5000 8000`, { columns: 120, rows: 40, cwd: repoRoot });
  open.push(t);
  const screens = await t.waitFor((s) => s.includes("[exit "), 50_000);
  const final = screens.at(-1)!;
  expect(final).toContain("[exit 0]");

  const midRun = screens.filter(
    (s) => /^slack .* \d+ running/m.test(s) && done(s, "slack") > 0 && done(s, "slack") < 800,
  );
  expect(midRun.length, screens.join("\n----\n")).toBeGreaterThan(0);
  const during = midRun.at(-1)!;
  expect(during).toMatch(/^\d+m?\d*s elapsed · \d+\/\d+ resources$/m);
  expect(during).toMatch(/^slack .*waiting \d+\.\ds: Slack SCIM rate limit \(600 writes\/min\)/m);
  for (const app of ["entra", "google", "ldap", "scim:github", "slack"]) expect(during).toMatch(appLine(app));
  // Progress moves: Slack's count grows from screen to screen.
  const slackCounts = screens.map((s) => done(s, "slack")).filter((n) => n >= 0);
  expect(new Set(slackCounts).size).toBeGreaterThan(3);

  for (const app of ["entra", "google", "ldap", "scim:github", "slack"])
    expect(final).toMatch(new RegExp(`^${app} +█{20} +1000/1000 +\\+1000$`, "m"));
  expect(final).toMatch(/5000\/5000 resources/);
  expect(final).toContain("+ 5000 created");
  // Everything the run ever printed, scrolled-off lines included, is a screenful: the view redrew in place.
  const printed = t
    .screen(true)
    .split("\n")
    .filter((l) => l.trim());
  expect(printed.length).toBeLessThan(20);
}, 60_000);

it("piped (not a terminal), the same run prints plain lines, one per step", () => {
  const r = spawnSync("sh", ["-c", `${PROGRAM} 50 300`], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, CI: "" },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain("+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E00002 created\n");
  expect(r.stderr).not.toMatch(/\x1b\[\d+A/);
  expect(r.stderr.split("\n").filter((l) => /^\+ pulumi-nodejs\S+ \S+ created$/.test(l))).toHaveLength(50);
});
