/**
 * A target that cannot be reached: the page says which apps have the new password and which keep the old one —
 * by the names people know them by, escaped — and the same link works again to retry once the app is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventChain } from "../../provider/sspr";
import { Browser, linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { people } from "./fixtures";

const GOOD = "orbit kettle marmalade lantern";
let down = true;
/** A configured name (identity:sspr.names) with markup in it; google keeps its kind's default name. */
const LDAP_NAME = `Sign-in <b>"Ada's"</b> & co`;
const ldap = memoryTarget("ldap", undefined, LDAP_NAME);
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
    expect(partial.html).toContain(
      '<ul id="set"><li>Sign-in &lt;b&gt;&quot;Ada&#39;s&quot;&lt;/b&gt; &amp; co</li></ul>',
    );
    expect(partial.html).toContain('<ul id="old"><li>Google Workspace</li></ul>');
    expect(partial.html).not.toContain("<b>");
    expect(ldap.held.get("E100")).toBe(GOOD);
    expect(google.held.has("E100")).toBe(false);

    down = false;
    expect((await browser.get(`/reset?token=${token}`)).status).toBe(200);
    const done = await browser.post("/reset", { token, password: GOOD, confirm: GOOD, csrf: browser.csrf });
    expect(done.status).toBe(200);
    expect(google.held.get("E100")).toBe(GOOD);
    expect(done.html).toContain("<li>Google Workspace</li>");
    const confirmation = await portal.catcher.waitFor("ada.lovelace@example.com");
    expect(confirmation.text).toContain(`(${LDAP_NAME}, Google Workspace)`);
    const events = readEventChain(portal.auditFile).events;
    const types = events.map((e) => `${e.type}${e.app ? `:${e.app}` : ""}`);
    // Each per-app result carries the client address, like the request and the link use it follows.
    const client = events.find((e) => e.type === "sspr.link-used")!.client;
    expect(client).toMatch(/127\.0\.0\.1/);
    expect(events.filter((e) => e.type.startsWith("sspr.reset.")).map((e) => e.client)).toEqual(Array(4).fill(client));
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
