/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core, offline, with a fresh profile.
 * DOM assertions on the rendered page, and a screenshot in test-artifacts/report.png for a person to look at.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCRIPT_TITLE } from "../fixtures/audit/scripted-story";
import { scripted, type Scripted } from "./scripted";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const repo = path.join(__dirname, "..", "..");
const TITLE = `<script>document.title="owned"</script> Q1 access review`;

let s: Scripted;
let reportFile: string;
beforeAll(async () => {
  s = await scripted();
  reportFile = path.join(s.backend.root, "report.html");
  const policyLog = path.join(s.backend.root, "events.jsonl");
  const event = (policyName: string, urn: string, level: string) =>
    JSON.stringify({
      sequence: 1,
      timestamp: 0,
      policyEvent: {
        resourceUrn: urn,
        message: `${policyName} must hold <b>now</b>`,
        color: "raw",
        policyName,
        policyPackName: "idlc-rbac",
        policyPackVersion: "0.1.0",
        enforcementLevel: level,
      },
    });
  writeFileSync(
    policyLog,
    [
      event("privileged-approval", "urn:pulumi:audit::identity::x::google/E500", "mandatory"),
      event("contractor-end-date", "urn:pulumi:audit::identity::x::slack/E600", "warning"),
      JSON.stringify({ sequence: 2, summaryEvent: {} }),
    ].join("\n"),
  );
  const r = spawnSync(
    process.execPath,
    [
      path.join(repo, "bin/idlc.js"),
      "report",
      "--out",
      reportFile,
      "--title",
      TITLE,
      "--now",
      "2026-04-01T00:00:00Z",
      "--policy-events",
      policyLog,
    ],
    { cwd: s.backend.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(r.stderr).toContain("2 late leaver(s)");
  expect(r.status).toBe(0);
}, 60_000);
afterAll(() => s.cleanup());

describe("idlc report", () => {
  it("is one self-contained file: no script, no external reference, a CSP that forbids both", () => {
    const html = readFileSync(reportFile, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain("&lt;script&gt;");
  });

  it.skipIf(!hasChromium)(
    `renders in chromium with the expected content${hasChromium ? "" : " (SKIPPED: /usr/bin/chromium is missing; apt-get install chromium fonts-dejavu-core)"}`,
    async () => {
      const profile = mkdtempSync(path.join(tmpdir(), "idlc-chromium-"));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1000, height: 800 },
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      });
      try {
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (req) => requests.push(req.url()));
        await page.goto(`file://${reportFile}`);
        expect(requests).toEqual([`file://${reportFile}`]);
        expect(await page.title()).toBe(TITLE);
        expect(await page.locator("#title").textContent()).toBe(TITLE);
        expect(await page.locator("script").count()).toBe(0);
        expect(await page.locator("#late-count").textContent()).toBe("2");
        expect(await page.locator("#late-leavers td.person").allTextContents()).toEqual(["Pat Pending", "Rae Rehire"]);
        expect(await page.locator("#late-leavers td.job-title").allTextContents()).toEqual([SCRIPT_TITLE, "Engineer"]);
        expect(await page.locator("#late-leavers td.late").allTextContents()).toEqual(["96.0 h", "82.0 h"]);
        expect(await page.locator("#timing tr").nth(2).locator("td").allTextContents()).toEqual([
          "time to deprovision (leaving date → all disabled)",
          "3",
          "18.0 h",
          "82.0 h",
          "82.0 h",
        ]);
        expect(await page.locator("svg.chart").count()).toBe(3);
        expect(await page.locator("svg.chart").first().locator("rect.bar").count()).toBe(6);
        expect(await page.locator("#privileged tr").count()).toBe(2);
        expect(await page.locator("#policies tr").count()).toBe(3);
        expect(await page.locator("#policies td").last().textContent()).toBe(
          "privileged-approval must hold <b>now</b>",
        );
        expect(await page.locator("#chain").textContent()).toMatch(
          /^Hash chain verified: 7 updates, head [0-9a-f]{64}$/,
        );
        expect(await page.locator("#changes tr").count()).toBe(8);
        mkdirSync(path.join(repo, "test-artifacts"), { recursive: true });
        const png = await page.screenshot({ path: path.join(repo, "test-artifacts", "report.png"), fullPage: true });
        expect(png.subarray(1, 4).toString()).toBe("PNG");
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  );
});
