/** The default limits over HTTP: 5 requests per account and 30 per client address in 15 minutes, answered neutrally. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventChain } from "../../provider/sspr";
import { Browser, memoryTarget, startPortal, type Portal } from "./harness";
import { people } from "./fixtures";

let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ subjects: people, targets: [memoryTarget("ldap")], answerFloorMs: 5 });
});
afterAll(async () => portal?.stop());

async function request(identifier: string) {
  const browser = new Browser(portal.url);
  await browser.get("/");
  return browser.post("/request", { identifier, csrf: browser.csrf });
}

describe("sspr rate limits", () => {
  it("sends 5 links per account per window, then answers the same page and sends nothing", async () => {
    const pages = [];
    for (let i = 0; i < 7; i++) pages.push(await request("ada.lovelace"));
    expect(new Set(pages.map((p) => `${p.status} ${p.html}`)).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(portal.catcher.messages.filter((m) => m.to.includes("ada@home.example"))).toHaveLength(5);
    const limited = readEventChain(portal.auditFile).events.filter((e) => e.type === "sspr.rate-limited");
    expect(limited.map((e) => e.detail)).toEqual(["account", "account"]);
  });

  it("stops one client address after 30 requests, whatever account it names", async () => {
    // 7 requests above came from this address already.
    for (let i = 0; i < 23; i++) expect((await request(`nobody${i}@example.com`)).status).toBe(200);
    const before = readEventChain(portal.auditFile).events.length;
    await request("nobody-else@example.com");
    const last = readEventChain(portal.auditFile).events.slice(before);
    expect(last).toMatchObject([{ type: "sspr.rate-limited", detail: "client" }]);
  });

  it("keeps counting after a restart: the state file survives", async () => {
    const { dir, catcher } = portal;
    await portal.stop();
    portal = await startPortal({ subjects: people, targets: [memoryTarget("ldap")], dir, catcher, answerFloorMs: 5 });
    const before = readEventChain(portal.auditFile).events.length;
    await request("ada.lovelace");
    expect(readEventChain(portal.auditFile).events.slice(before)).toMatchObject([{ type: "sspr.rate-limited" }]);
    expect(readEventChain(portal.auditFile).verification.ok).toBe(true);
    await catcher.stop();
  });
});
