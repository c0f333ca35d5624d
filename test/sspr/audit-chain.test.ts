/**
 * The portal's events are part of the stack's audit trail: `idlc audit person` shows each step in the person's
 * timeline, `idlc report` counts resets and lockouts, and `idlc audit verify` covers the portal's event chain,
 * failing on an edited, removed or reordered event, on a deleted log and on a cut-off tail (an update's history
 * entry and the portal's head file pin the log's head). A real portal writes the log of the scripted audit project.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../cli/program";
import { portalLogAnchor } from "../../cli/identity/portal-log";
import { appendToChain, eventChainAppender, headFileOf, serviceLogFile } from "../../provider/audit";
import { STACK } from "../fixtures/audit/generate";
import { scripted, type Scripted } from "../audit/scripted";
import { Browser, linkIn, memoryTarget, startPortal } from "./harness";
import { subject } from "./fixtures";

const CHOSEN = "orbit kettle marmalade lantern";
let s: Scripted;
let log: string;

beforeAll(async () => {
  s = await scripted();
  log = serviceLogFile(s.backend.root, STACK);
  const rae = subject({
    employeeId: "E400",
    firstName: "Rae",
    lastName: "Rehire",
    displayName: "Rae Rehire",
    userName: "rae.rehire",
    workEmail: "e400@example.com",
    recoveryEmail: "rae@home.example",
  });
  const leaver = subject({
    employeeId: "E300",
    userName: "lee.leaver",
    workEmail: "e300@example.com",
    recoveryEmail: "lee@home.example",
    lifecycle: "terminated",
  });
  const portal = await startPortal({
    subjects: [rae, leaver],
    targets: [memoryTarget("ldap"), memoryTarget("entra")],
    auditFile: log,
    rates: {
      account: { limit: 2, windowMinutes: 15 },
      recovery: { limit: 5, windowMinutes: 15 },
      client: { limit: 30, windowMinutes: 15 },
    },
    answerFloorMs: 0,
  });
  try {
    const browser = new Browser(portal.url);
    await browser.get("/");
    await browser.post("/request", { identifier: "rae.rehire", csrf: browser.csrf });
    const token = new URL(linkIn((await portal.catcher.waitFor("rae@home.example")).text)).searchParams.get("token")!;
    await browser.get(`/reset?token=${token}`);
    expect(
      (await browser.post("/reset", { token, password: CHOSEN, confirm: CHOSEN, csrf: browser.csrf })).status,
    ).toBe(200);
    const ask = async (identifier: string) => (
      await browser.get("/"),
      browser.post("/request", { identifier, csrf: browser.csrf })
    );
    await ask("lee.leaver");
    for (let i = 0; i < 3; i++) await ask("rae.rehire");
    const mails = [await portal.catcher.waitFor("rae@home.example"), await portal.catcher.waitFor("rae@home.example")];
    expect(mails.map((m) => m.subject).sort()).toEqual(["Reset your work password", "Your work password was changed"]);
  } finally {
    await portal.stop();
  }
});
afterAll(() => s?.cleanup());

async function idlc(...args: string[]): Promise<{ stdout: string; code: number }> {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    await buildProgram().parseAsync(["node", "idlc", ...args, "--cwd", s.backend.root]);
    return { stdout: out.join(""), code: Number(process.exitCode ?? 0) };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}

/**
 * One more update of the scripted stack, written as the engine writes it: the last history entry and checkpoint
 * copied under a later name, `environment` set to what the update recorded, chained with `appendToChain`.
 */
async function updateWith(environment: Record<string, string>): Promise<void> {
  const dir = s.backend.historyDir;
  const last = s.backend.historyFiles.at(-1)!;
  const info = JSON.parse(readFileSync(path.join(dir, last), "utf8"));
  const endTime = info.endTime + 3600;
  const prefix = `${STACK}-${BigInt(endTime) * 1_000_000_000n}`;
  writeFileSync(path.join(dir, `${prefix}.history.json`), JSON.stringify({ ...info, endTime, environment }));
  copyFileSync(path.join(dir, last.replace(".history.", ".checkpoint.")), path.join(dir, `${prefix}.checkpoint.json`));
  await appendToChain(dir, `${prefix}.history.json`);
  s.backend.historyFiles.push(`${prefix}.history.json`);
}

describe("sspr events in the stack's audit trail", () => {
  it("idlc audit person: request, link sent, link used, reset per target, completion and rate limits", async () => {
    const t = JSON.parse((await idlc("audit", "person", "E400", "--json")).stdout);
    expect(t.apps.google.length).toBeGreaterThan(0); // the stack's own steps are still there
    const steps = t.selfService.map((e: { event: string; app?: string }) => [e.event, e.app].filter(Boolean).join(" "));
    expect(steps.slice(0, 6)).toEqual([
      "requested",
      "link-sent",
      "link-used",
      "reset.set ldap",
      "reset.set entra",
      "completed",
    ]);
    // The second link goes out after the page answered, so it may be logged after the limited requests.
    expect(steps.slice(6).sort()).toEqual(["link-sent", "rate-limited", "rate-limited", "requested"]);
    const text = (await idlc("audit", "person", "E400")).stdout;
    expect(text).toContain("  password self-service (idlc sspr)\n");
    expect(text).toMatch(/ {4}\d{4}-\d\d-\d\d \d\d:\d\d {2}reset\.set entra +from 127\.0\.0\.1, portal log line 5\n/);
    const leaver = JSON.parse((await idlc("audit", "person", "E300", "--json")).stdout);
    expect(leaver.selfService).toMatchObject([{ event: "refused", detail: "not-active" }]);
  });

  it("idlc report counts resets and lockouts, and shows the portal log verified", async () => {
    const out = path.join(s.backend.root, "report.html");
    await idlc("report", "--out", out, "--now", "2026-04-01T00:00:00Z");
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<td id="sspr-resets">1</td>');
    expect(html).toContain('<td id="sspr-lockouts">2</td>');
    expect(html).toMatch(/class="event-log ok">Portal log verified: 11 events, head [0-9a-f]{64}/);
  });

  it("an update pins the log's head; verify fails on a deleted log or a cut-off tail, and passes untouched", async () => {
    const stackFile = path.join(s.backend.root, "stacks", `Pulumi.${STACK}.yaml`);
    const config = readFileSync(stackFile, "utf8");
    appendFileSync(
      stackFile,
      "  identity:sspr:\n    publicUrl: https://reset.example.com/\n    smtp: { sandbox: true }\n",
    );
    const head = headFileOf(log);
    await updateWith(portalLogAnchor({ cwd: s.backend.root })()); // what idlc up records when it finishes
    const verify = async () => idlc("audit", "verify");
    const saved = { log: readFileSync(log, "utf8"), head: readFileSync(head, "utf8") };
    const restore = () => (writeFileSync(log, saved.log), writeFileSync(head, saved.head));
    const lines = saved.log.trimEnd().split("\n");
    const update8 = `update 8 (${path.basename(s.backend.historyFiles.at(-1)!)})`;

    expect(await verify()).toMatchObject({ code: 0 });
    expect((await verify()).stdout).toContain("portal events verified in");
    expect((await verify()).stdout).toContain("it holds the 2 head(s) updates and the portal recorded");

    // Cut the tail and make the head file agree, as someone covering their tracks would: the update still knows.
    writeFileSync(log, `${lines.slice(0, -2).join("\n")}\n`);
    writeFileSync(head, JSON.stringify({ events: 9, head: JSON.parse(lines[8]!).hash }));
    let run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `FAILED: ${log}: the log ends after 9 event(s), but it held 11: its tail was cut off (${update8} recorded 11 event(s))`,
    );
    restore();

    // Events after the last update are pinned by the head file the portal moves forward.
    eventChainAppender(log)({ type: "sspr.requested", employeeId: "E400", client: "127.0.0.1" });
    expect(await verify()).toMatchObject({ code: 0 });
    writeFileSync(log, saved.log);
    run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${log}: the log ends after 11 event(s), but it held 12`);
    expect(run.stdout).toContain(`(${head} recorded 12 event(s))`);
    restore();

    rmSync(log);
    rmSync(head);
    run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${log} is missing, but the stack sets identity:sspr`);
    writeFileSync(stackFile, config); // without identity:sspr, the update's pin still misses the log
    run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${log}: the log is missing, but it held 11 event(s) (${update8}`);
    restore();
    expect(await verify()).toMatchObject({ code: 0 });
  });

  it("idlc audit verify covers the portal log: an edited event fails it, naming the line (the real binary)", () => {
    const run = () =>
      spawnSync(process.execPath, [path.join(__dirname, "..", "..", "bin", "idlc.js"), "audit", "verify"], {
        cwd: s.backend.root,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`ok: 11 portal events verified in ${log}, head `);
    const lines = readFileSync(log, "utf8").split("\n");
    expect(lines[3]).toContain('"type":"sspr.reset.set"');
    lines[3] = lines[3]!.replace('"app":"ldap"', '"app":"ldaq"');
    writeFileSync(log, lines.join("\n"));
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`FAILED: ${log} line 4: the line was changed after it was written`);
    expect(bad.stdout).toMatch(/^ok: 8 updates verified/); // the stack's own chain is intact
  }, 90_000);
});
