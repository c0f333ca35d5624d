/**
 * A reset through the portal against the real slapd (test/global-setup.ts): the account idlc created with its
 * random initial password takes the password the person chose; a bind with it succeeds, with the old one fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ldapAccountProvider, type LdapAccountOutputs, type LdapSettings } from "../../provider/apps/ldap";
import { ldapPasswordChanges, ldapTarget } from "../../provider/sspr";
import { accountSpec, asAdmin, canBind, isolatedTree } from "../apps/ldap/ldap-fixture";
import { Browser, linkIn, startPortal, type Portal } from "./harness";
import { subject } from "./fixtures";

const CHOSEN = "orbit kettle marmalade lantern";

describe("sspr reset on real slapd", () => {
  let settings: LdapSettings;
  let account: LdapAccountOutputs;
  let portal: Portal;

  beforeAll(async () => {
    settings = await isolatedTree("sspr");
    account = (await ldapAccountProvider.create!(accountSpec({ employeeId: "E1001", userName: "jdoe" })))
      .outs as LdapAccountOutputs;
    const jane = subject({
      employeeId: "E1001",
      firstName: "Jane",
      lastName: "Doe",
      displayName: "Jane Doe",
      userName: "jdoe",
      workEmail: "jane.doe@example.com",
      recoveryEmail: "jane@home.example",
    });
    portal = await startPortal({ subjects: [jane], targets: [ldapTarget(settings)] });
  });
  afterAll(async () => portal?.stop());

  const pwdReset = async () =>
    [
      (
        await asAdmin(
          async (c) => (await c.search(account.dn, { scope: "base", attributes: ["pwdReset"] })).searchEntries,
        )
      )[0]!.pwdReset,
    ].flat();

  it("sets the chosen password in slapd: the new one binds, the initial one no longer does", async () => {
    expect(await canBind(account.dn, account.initialPassword!)).toBe(true);
    expect(await pwdReset()).toEqual(["TRUE"]);
    const browser = new Browser(portal.url);
    await browser.get("/");
    await browser.post("/request", { identifier: "jdoe", csrf: browser.csrf });
    const token = new URL(linkIn((await portal.catcher.waitFor("jane@home.example")).text)).searchParams.get("token")!;
    await browser.get(`/reset?token=${token}`);
    const done = await browser.post("/reset", { token, password: CHOSEN, confirm: CHOSEN, csrf: browser.csrf });
    expect(done.status).toBe(200);
    expect(await canBind(account.dn, CHOSEN)).toBe(true);
    expect(await canBind(account.dn, account.initialPassword!)).toBe(false);
    // Chosen by the person, so the forced change idlc set at creation is cleared.
    expect(await pwdReset()).not.toContain("TRUE");
  });

  it("forces a change at next sign-in when the stack asks, and writes AD's unicodePwd as a reset", () => {
    expect(ldapPasswordChanges("openldap", "x", true)).toContainEqual({
      operation: "replace",
      type: "pwdReset",
      values: ["TRUE"],
    });
    const ad = ldapPasswordChanges("ad", "pässword", true);
    expect(ad[0]).toEqual({ operation: "replace", type: "unicodePwd", values: [Buffer.from('"pässword"', "utf16le")] });
    expect(ad[1]).toEqual({ operation: "replace", type: "pwdLastSet", values: ["0"] });
  });

  it("reports an account missing from the directory as a failure, not a success", async () => {
    const ghost = subject({ employeeId: "E9999" });
    await expect(ldapTarget(settings).setPassword(ghost, CHOSEN, { forceChange: false })).rejects.toThrow(
      /no LDAP account/,
    );
  });
});
