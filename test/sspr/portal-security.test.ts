/**
 * The security cases against the running portal (real HTTP, real SMTP through the catcher, the real
 * state file and audit log); the password authority here is in memory — test/sspr/reset-ldap.test.ts covers slapd.
 */
import { statSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventChain } from "../../provider/sspr";
import { Browser, linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { people, subject } from "./fixtures";

const GOOD = "orbit kettle marmalade lantern";
const hostile = subject({
  employeeId: "E666",
  firstName: "<script>alert(1)</script>",
  lastName: "O'Brien\"(cn=*)\\",
  displayName: "<script>alert(1)</script> O'Brien\"(cn=*)\\",
  userName: "obrien",
  workEmail: "obrien@example.com",
  recoveryEmail: "obrien@home.example",
});
let clock = Date.now();
const target = memoryTarget("ldap");
let portal: Portal;

beforeAll(async () => {
  // Limits high enough for this file's many requests; test/sspr/portal-rate-limit.test.ts checks the defaults.
  const generous = { limit: 500, windowMinutes: 15 };
  portal = await startPortal({
    subjects: [...people, hostile],
    targets: [target],
    now: () => clock,
    rates: { account: generous, recovery: generous, client: generous },
  });
});
afterAll(async () => portal?.stop());

async function requestFor(identifier: string, headers: Record<string, string> = {}) {
  const browser = new Browser(portal.url);
  await browser.get("/");
  return browser.post("/request", { identifier, csrf: browser.csrf }, headers);
}

/** Asks for a link for `identifier` and opens it in a fresh browser: the path and query under the public URL. */
async function linkFor(
  identifier: string,
  recovery: string,
): Promise<{ browser: Browser; token: string; link: string }> {
  await requestFor(identifier);
  const mail = await portal.catcher.waitFor(recovery);
  const link = linkIn(mail.text);
  const token = new URL(link).searchParams.get("token")!;
  const browser = new Browser(portal.url);
  return { browser, token, link };
}

async function noMailTo(address: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return !portal.catcher.messages.some((m) => m.to.includes(address));
}

describe("sspr portal security", () => {
  it("answers an unknown and a known account with the same status, body and time", async () => {
    const times: Record<string, number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 4; i++) {
      for (const [kind, id] of [
        ["known", "ada.lovelace"],
        ["unknown", `nobody${i}@example.com`],
      ] as const) {
        const started = performance.now();
        const page = await requestFor(id, { "x-forwarded-for": `10.9.${i}.1` });
        times[kind]!.push(performance.now() - started);
        expect(page.status).toBe(200);
        bodies.add(page.html);
      }
    }
    expect(bodies.size).toBe(1);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(Math.abs(median(times.known!) - median(times.unknown!))).toBeLessThan(75);
    // The four known requests did send four links (the per-account limit is five).
    for (let i = 0; i < 4; i++) await portal.catcher.waitFor("ada@home.example");
  });

  it.each([
    ["leaver", "lee.ver", "lee@home.example"],
    ["kill-switched", "kim.kill", "kim@home.example"],
    ["on leave", "pat.leave", "pat@home.example"],
    ["pre-hire", "pre.hire", "pre@home.example"],
  ])("refuses a %s person with the neutral page, sends nothing and records why", async (_kind, id, recovery) => {
    const page = await requestFor(id);
    expect(page.status).toBe(200);
    expect(page.html).toContain('id="neutral"');
    expect(await noMailTo(recovery)).toBe(true);
    const refused = readEventChain(portal.auditFile).events.filter((e) => e.type === "sspr.refused");
    expect(refused.some((e) => e.employeeId === people.find((p) => p.userName === id)!.employeeId)).toBe(true);
  });

  it("builds links from the public URL and ignores a poisoned Host header", async () => {
    await requestFor("obrien", { host: "evil.example", "x-forwarded-host": "evil.example" });
    const link = linkIn((await portal.catcher.waitFor("obrien@home.example")).text);
    expect(link).toMatch(/^https:\/\/reset\.example\.com\/portal\/reset\?token=[A-Za-z0-9_-]{22}$/);
  });

  it("renders hostile HR names inert", async () => {
    const { browser, token } = await linkFor("obrien", "obrien@home.example");
    const page = await browser.get(`/reset?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script>alert");
    expect(page.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien&quot;(cn=*)\\");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.html).not.toMatch(/<script>(?!<\/script>)[^<]/);
  });

  it("refuses a post without a CSRF token or with another session's", async () => {
    const { browser, token } = await linkFor("ada.lovelace", "ada@home.example");
    await browser.get(`/reset?token=${token}`);
    expect((await browser.post("/reset", { token, password: GOOD, confirm: GOOD })).status).toBe(403);
    const other = new Browser(portal.url);
    await other.get("/");
    expect((await browser.post("/reset", { token, password: GOOD, confirm: GOOD, csrf: other.csrf })).status).toBe(403);
    expect(target.held.has("E100")).toBe(false);
  });

  it.each([
    ["too short", "kettle-orbit", /at least 15 characters/],
    ["blocklisted", "passwordpassword1", /too common/],
    ["personal", "lovelace marmalade lantern", /your name/],
  ])("refuses a %s password and changes nothing", async (_kind, password, message) => {
    const { browser, token } = await linkFor("ada.lovelace", "ada@home.example");
    await browser.get(`/reset?token=${token}`);
    const page = await browser.post("/reset", { token, password, confirm: password, csrf: browser.csrf });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(message);
    expect(target.held.has("E100")).toBe(false);
  });

  it("sets the password once: the link is bound to its person and does not work again", async () => {
    const { browser, token } = await linkFor("ada.lovelace", "ada@home.example");
    await browser.get(`/reset?token=${token}`);
    const done = await browser.post("/reset", {
      token,
      password: GOOD,
      confirm: GOOD,
      csrf: browser.csrf,
      employeeId: "E666",
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain('<ul id="set"><li>Company directory (LDAP)</li></ul>');
    expect(target.held.get("E100")).toBe(GOOD);
    expect(target.held.has("E666")).toBe(false);
    expect((await browser.get(`/reset?token=${token}`)).status).toBe(400);
    await browser.get("/");
    const again = await browser.post("/reset", {
      token,
      password: `${GOOD} two`,
      confirm: `${GOOD} two`,
      csrf: browser.csrf,
    });
    expect(again.status).toBe(400);
    expect(again.html).toContain('id="invalid"');
    const confirmation = await portal.catcher.waitFor("ada.lovelace@example.com");
    expect(confirmation.to).toEqual(["ada.lovelace@example.com", "ada@home.example"]);
    expect(confirmation.text).not.toContain(GOOD);
  });

  it("refuses an expired link", async () => {
    const { browser, token } = await linkFor("obrien", "obrien@home.example");
    clock += 15 * 60_000 + 1;
    try {
      expect((await browser.get(`/reset?token=${token}`)).status).toBe(400);
    } finally {
      clock -= 15 * 60_000 + 1;
    }
  });

  it("keeps state in a 0600 file without tokens, and an intact audit chain without secrets", () => {
    expect(statSync(portal.stateFile).mode & 0o777).toBe(0o600);
    const state = readFileSync(portal.stateFile, "utf8");
    const audit = readFileSync(portal.auditFile, "utf8");
    for (const mail of portal.catcher.messages) {
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      if (token) expect(state + audit).not.toContain(token);
    }
    expect(audit).not.toContain(GOOD);
    const { events, verification } = readEventChain(portal.auditFile);
    expect(verification.ok).toBe(true);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        "sspr.requested",
        "sspr.link-sent",
        "sspr.refused",
        "sspr.password-rejected",
        "sspr.link-used",
        "sspr.reset.set",
        "sspr.completed",
        "sspr.link-invalid",
      ]),
    );
  });
});
