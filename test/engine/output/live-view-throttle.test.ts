/**
 * A rate limit a person can see: the sandbox's Slack answers 429 with `Retry-After: 3` to the first account
 * creates of a real `idlc up` of the demo stack, on a real terminal (tmux). The Slack line of the live view says
 * so while the provider waits — sent by the provider process over `Engine.Log` — and the run still succeeds.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { identityProject, type IdentityProject } from "../../e2e/harness";
import { injectFault } from "../../e2e/faults";
import { terminal, type Terminal } from "./tmux";

const WAIT_LINE = /^slack +[█░]{20} +\d+\/\d+ .*waiting 3\.0s on slack rate limit \(HTTP 429, Retry-After: 3\)/m;
let project: IdentityProject;
let tty: Terminal | undefined;
beforeAll(async () => void (project = await identityProject()), 60_000);
afterAll(async () => {
  tty?.close();
  await project?.stop();
});

it("the Slack line shows the wait on Slack's rate limit while a throttled up runs; the run ends well", async () => {
  const match = { methods: ["POST"], path: "/Users$" };
  await injectFault(project, "slack", { rateLimit: { count: 6, retryAfterSeconds: 3 }, match });
  tty = terminal("node bin/idlc.js up --stack demo --yes", {
    columns: 160,
    rows: 40,
    cwd: project.dir,
    env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo" },
  });
  const screens = await tty.waitFor((s) => s.includes("[exit "), 280_000);
  const final = screens.at(-1)!;
  expect(final, final).toContain("[exit 0]");
  const waiting = screens.filter((s) => WAIT_LINE.test(s));
  expect(waiting.length, screens.slice(0, 12).join("\n----\n")).toBeGreaterThan(0);
  // Only Slack was throttled: no other app's line claims a wait.
  expect(screens.some((s) => /^(?!slack).*waiting .* rate limit/m.test(s))).toBe(false);
  // The wait ended with the call: the last screen shows no status.
  expect(final).not.toMatch(/waiting/);
}, 300_000);
