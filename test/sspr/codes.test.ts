/**
 * Second-channel codes (`identity:sspr.codes`): 6 digits, 10 minutes, 3 tries, stored only as a hash bound to the
 * link's token; through the portal the link alone no longer sets a password, the code from the work mailbox does.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCode, issueCode, readEventChain } from "../../provider/sspr";
import { Browser, linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { subject } from "./fixtures";

const TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

describe("codes", () => {
  it("are 6 digits, valid 10 minutes, and hold no digit of the code in the record", () => {
    const { code, record } = issueCode(TOKEN, 0);
    expect(code).toMatch(/^\d{6}$/);
    expect(record.expiresAt).toBe(10 * 60_000);
    expect(JSON.stringify(record)).not.toContain(code);
    expect(checkCode(record, TOKEN, code, 10 * 60_000 - 1)).toEqual({ ok: true });
    expect(checkCode(record, TOKEN, code, 10 * 60_000)).toMatchObject({ ok: false, reason: "expired" });
    expect(checkCode(record, "BBBBBBBBBBBBBBBBBBBBBB", code, 0)).toMatchObject({ ok: false, reason: "wrong" });
  });

  it("are spent by the third wrong try, after which even the right code fails", () => {
    let { code, record } = issueCode(TOKEN, 0);
    const wrong = code === "000000" ? "111111" : "000000";
    for (const expected of ["wrong", "wrong", "spent"]) {
      const result = checkCode(record, TOKEN, wrong, 1);
      expect(result).toMatchObject({ ok: false, reason: expected });
      if (!result.ok) record = result.record;
    }
    expect(checkCode(record, TOKEN, code, 1)).toMatchObject({ ok: false, reason: "spent" });
  });
});

describe("codes through the portal", () => {
  let portal: Portal;
  const target = memoryTarget("ldap");
  const GOOD = "orbit kettle marmalade lantern";

  beforeAll(async () => {
    portal = await startPortal({ subjects: [subject()], targets: [target], codes: true, answerFloorMs: 0 });
  });
  afterAll(async () => portal?.stop());

  async function requestLink(): Promise<{ browser: Browser; token: string; code: string }> {
    const browser = new Browser(portal.url);
    await browser.get("/");
    await browser.post("/request", { identifier: "ada.lovelace", csrf: browser.csrf });
    const link = linkIn((await portal.catcher.waitFor("ada@home.example")).text);
    const codeMail = await portal.catcher.waitFor("ada.lovelace@example.com");
    expect(codeMail.subject).toBe("Your password reset code");
    const code = /\b(\d{6})\b/.exec(codeMail.text)![1]!;
    const token = new URL(link).searchParams.get("token")!;
    const form = await browser.get(`/reset?token=${token}`);
    expect(form.html).toContain('name="code"');
    return { browser, token, code };
  }

  it("refuses the link without the right code, counting tries, then accepts the right one", async () => {
    const { browser, token, code } = await requestLink();
    const wrong = code === "000000" ? "111111" : "000000";
    const first = await browser.post("/reset", {
      token,
      code: wrong,
      password: GOOD,
      confirm: GOOD,
      csrf: browser.csrf,
    });
    expect(first.status).toBe(422);
    expect(first.html).toContain("The code is not right; 2 tries left.");
    expect(target.held.has("E100")).toBe(false);
    const done = await browser.post("/reset", { token, code, password: GOOD, confirm: GOOD, csrf: browser.csrf });
    expect(done.status).toBe(200);
    expect(target.held.get("E100")).toBe(GOOD);
    expect(readFileSync(portal.stateFile, "utf8")).not.toContain(code);
    expect((await portal.catcher.waitFor("ada@home.example")).subject).toBe("Your work password was changed");
  });

  it("spends the link after three wrong codes: the right code no longer works", async () => {
    const { browser, token, code } = await requestLink();
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(
        (await browser.post("/reset", { token, code: wrong, password: GOOD, confirm: GOOD, csrf: browser.csrf }))
          .status,
      );
    }
    expect(answers).toEqual([422, 422, 400]);
    await browser.get("/"); // a fresh CSRF field: the "not valid" page has no form
    const late = await browser.post("/reset", { token, code, password: GOOD, confirm: GOOD, csrf: browser.csrf });
    expect(late.status).toBe(400);
    expect(late.html).toContain('id="invalid"');
    const rejected = readEventChain(portal.auditFile)
      .events.filter((e) => e.type === "sspr.code-rejected")
      .map((e) => e.detail);
    expect(rejected.slice(-3)).toEqual(["wrong", "wrong", "spent"]);
  });
});
