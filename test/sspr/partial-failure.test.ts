/**
 * A target that cannot be reached: the page says which apps have the new password and which keep the old one,
 * and the same link works again to retry once the app is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventChain } from "../../provider/sspr";
import { Browser, linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { people } from "./fixtures";

const GOOD = "orbit kettle marmalade lantern";
let down = true;
const ldap = memoryTarget("ldap");
const google = memoryTarget("google", () => (down ? new Error("google: no response (ECONNREFUSED)") : undefined));
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal({ subjects: people, targets: [ldap, google] });
});
afterAll(async () => portal?.stop());

describe("a reset that fails on one target", () => {
  it("reports each app, keeps the link usable, and completes on retry", async () => {
    const browser = new Browser(portal.url);
    await browser.get("/");
    await browser.post("/request", { identifier: "ada.lovelace", csrf: browser.csrf });
    const token = new URL(linkIn((await portal.catcher.waitFor("ada@home.example")).text)).searchParams.get("token")!;
    await browser.get(`/reset?token=${token}`);
    const partial = await browser.post("/reset", { token, password: GOOD, confirm: GOOD, csrf: browser.csrf });
    expect(partial.status).toBe(502);
    expect(partial.html).toContain('<ul id="set"><li>ldap</li></ul>');
    expect(partial.html).toContain('<ul id="old"><li>google</li></ul>');
    expect(ldap.held.get("E100")).toBe(GOOD);
    expect(google.held.has("E100")).toBe(false);

    down = false;
    expect((await browser.get(`/reset?token=${token}`)).status).toBe(200);
    const done = await browser.post("/reset", { token, password: GOOD, confirm: GOOD, csrf: browser.csrf });
    expect(done.status).toBe(200);
    expect(google.held.get("E100")).toBe(GOOD);
    const types = readEventChain(portal.auditFile).events.map((e) => `${e.type}${e.app ? `:${e.app}` : ""}`);
    expect(types).toEqual([
      "sspr.requested",
      "sspr.link-sent",
      "sspr.link-used",
      "sspr.reset.set:ldap",
      "sspr.reset.failed:google",
      "sspr.link-used",
      "sspr.reset.set:ldap",
      "sspr.reset.set:google",
      "sspr.completed",
    ]);
  });
});
