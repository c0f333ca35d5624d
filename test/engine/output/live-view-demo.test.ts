/**
 * The live view of a real `idlc up` of the demo stack (five apps, 160-odd accounts and groups) on a real terminal
 * (tmux): progress lines per app that fill while the update runs, then the summary — a screenful, not a wall.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { identityProject, type IdentityProject } from "../../e2e/harness";
import { terminal, type Terminal } from "./tmux";

const APPS = ["entra", "google", "ldap", "scim:github", "slack"];
let project: IdentityProject;
let tty: Terminal | undefined;
beforeAll(async () => void (project = await identityProject()), 60_000);
afterAll(async () => {
  tty?.close();
  await project?.stop();
});

it("idlc up of the demo stack: one filling line per app, then the summary; a screenful in all", async () => {
  tty = terminal("node bin/idlc.js up --stack demo --yes", {
    columns: 120,
    rows: 40,
    cwd: project.dir,
    env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo" },
  });
  const screens = await tty.waitFor((s) => s.includes("[exit "), 280_000);
  const final = screens.at(-1)!;
  expect(final, final).toContain("[exit 0]");
  const line = (screen: string, app: string) => new RegExp(`^${app} +[█░]{20} +(\\d+)/(\\d+)`, "m").exec(screen);
  for (const app of APPS) {
    const [, done, total] = line(final, app) ?? [];
    expect(Number(done), `${app} in\n${final}`).toBeGreaterThan(0);
    expect(done).toBe(total);
  }
  expect(final).toMatch(/^\d+m?\d*s elapsed · (\d+)\/\1 resources$/m);
  expect(final).toMatch(/^ +\+ \d+ created$/m);
  // While it ran, a person saw apps part-way, with steps in flight.
  expect(
    screens.some(
      (s) =>
        APPS.some((app) => {
          const m = line(s, app);
          return m && Number(m[1]) < Number(m[2]);
        }) && / \d+ running/.test(s),
    ),
  ).toBe(true);
  const printed = tty
    .screen(true)
    .split("\n")
    .filter((l) => l.trim());
  expect(printed.length, printed.join("\n")).toBeLessThan(40);
}, 300_000);
