/**
 * The whole reset in a real headless Chromium (Debian's, driven by playwright-core), on the sandbox parts: ask for
 * a link → the mail reaches the SMTP catcher → open it → the live check flags a weak password → set a good one →
 * slapd binds with the new password and not the old, and the Entra and Google emulators hold the new password and
 * not the initial one → the confirmation mail arrives → the audit log shows each step, per target. Screenshots of every page go to test-artifacts/sspr-*.png (copies checked by a person are in docs/sspr/).
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ldapAccountProvider, type LdapAccountOutputs } from "../../provider/apps/ldap";
import { z } from "zod";
import {
  entraAccountProvider,
  entraSettingsSchema,
  type EntraAccountOutputs,
  type EntraSettings,
} from "../../provider/apps/entra";
import {
  googleAccountProvider,
  googleSettingsSchema,
  type GoogleAccountOutputs,
  type GoogleSettings,
} from "../../provider/apps/google";
import { entraTarget, googleTarget, ldapTarget, readEventChain } from "../../provider/sspr";
import { spec as entraSpec, startEntraHarness, type EntraHarness } from "../apps/entra/harness";
import { spec as googleSpec, startGoogleHarness, type GoogleHarness } from "../apps/google/harness";
import { accountSpec, canBind, isolatedTree } from "../apps/ldap/ldap-fixture";
import { linkIn, startPortal, type Portal } from "./harness";
import { subject } from "./fixtures";

const CHROMIUM = "/usr/bin/chromium";
const artifacts = path.join(__dirname, "..", "..", "test-artifacts");
// Passes NIST's rules and each vendor's own: Graph's 3 of 4 classes, Google's ASCII.
const CHOSEN = "Velvet harbor quinoa sprocket 42";

describe("sspr reset in a real browser", () => {
  let portal: Portal;
  let account: LdapAccountOutputs;
  let context: BrowserContext;
  let entra: EntraHarness;
  let google: GoogleHarness;
  let entraUser: { id: string; initial: string };
  let googleUser: { id: string; initial: string };

  beforeAll(async () => {
    const settings = await isolatedTree("sspr-browser");
    account = (
      await ldapAccountProvider.create!(
        accountSpec({
          employeeId: "E2001",
          userName: "mhopper",
          email: "grace.hopper@example.com",
          givenName: "Grace",
          familyName: "Hopper",
          displayName: "Grace Hopper",
        }),
      )
    ).outs as LdapAccountOutputs;
    const grace = subject({
      employeeId: "E2001",
      firstName: "Grace",
      lastName: "Hopper",
      displayName: "Grace <b>Hopper</b>",
      userName: "mhopper",
      workEmail: "grace.hopper@example.com",
      recoveryEmail: "grace@home.example",
    });
    entra = await startEntraHarness();
    google = await startGoogleHarness();
    const inEntra = await entraAccountProvider.create!(entraSpec("E2001"));
    entraUser = { id: inEntra.id, initial: (inEntra.outs as EntraAccountOutputs).initialPassword! };
    const inGoogle = await googleAccountProvider.create!(googleSpec("E2001"));
    googleUser = { id: inGoogle.id, initial: (inGoogle.outs as GoogleAccountOutputs).initialPassword! };
    const targets = [
      ldapTarget(settings),
      entraTarget(entraSettingsSchema(z).parse(JSON.parse(entra.config.get("identity:entra")!)) as EntraSettings),
      googleTarget(googleSettingsSchema(z).parse(JSON.parse(google.config.get("identity:google")!)) as GoogleSettings),
    ];
    portal = await startPortal({ subjects: [grace], targets, publicUrl: "self" });
    mkdirSync(artifacts, { recursive: true });
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "idlc-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 800, height: 640 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await portal?.stop();
    await entra?.emulator.stop();
    await google?.emulator.stop();
  });

  it("walks request → mail → link → live check → new password in slapd → confirmation → audit", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));

    await page.goto(`${portal.url}/`);
    await page.screenshot({ path: path.join(artifacts, "sspr-1-request.png") });
    await page.fill("#identifier", "mhopper");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("#neutral").count()).toBe(1);
    await page.screenshot({ path: path.join(artifacts, "sspr-2-sent.png") });

    const link = linkIn((await portal.catcher.waitFor("grace@home.example")).text);
    expect(link.startsWith(`${portal.url}/reset?token=`)).toBe(true);
    await page.goto(link);
    // HR's markup is shown as text, never as markup.
    expect(await page.locator("#name").textContent()).toBe("Grace <b>Hopper</b>");
    expect(await page.locator("#name b").count()).toBe(0);

    await page.fill("#password", "passwordpassword1");
    await expect
      .poll(() => page.locator("#live li").allTextContents(), { timeout: 10_000 })
      .toContain("This password is too common or too easy to guess; choose something nobody else would.");
    await page.screenshot({ path: path.join(artifacts, "sspr-3-live-check.png") });

    await page.fill("#password", CHOSEN);
    await expect
      .poll(() => page.locator("#strength").evaluate((m) => (m as unknown as { value: number }).value), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator("#live li").count()).toBe(0);
    await page.fill("#confirm", CHOSEN);
    await page.click("button[type=submit]");
    // Each app as a person knows it (identity:sspr.names defaults), not by its config key.
    await expect
      .poll(() => page.locator("#set li").allTextContents())
      .toEqual(["Company directory (LDAP)", "Microsoft 365", "Google Workspace"]);
    await page.screenshot({ path: path.join(artifacts, "sspr-4-done.png") });

    expect(await canBind(account.dn, CHOSEN)).toBe(true);
    expect(await canBind(account.dn, account.initialPassword!)).toBe(false);
    for (const [emulator, user] of [
      [entra.emulator, entraUser],
      [google.emulator, googleUser],
    ] as const) {
      expect(emulator.control.passwordMatches(user.id, CHOSEN)).toBe(true);
      expect(emulator.control.passwordMatches(user.id, user.initial)).toBe(false);
    }
    const confirmation = await portal.catcher.waitFor("grace.hopper@example.com");
    expect(confirmation.subject).toBe("Your work password was changed");
    expect(confirmation.text).not.toContain(CHOSEN);
    expect(confirmation.text).toContain("(Company directory (LDAP), Microsoft 365, Google Workspace)");

    await page.goto(link);
    expect(await page.locator("#invalid").count()).toBe(1);
    expect(problems.filter((p) => !p.includes("400"))).toEqual([]);

    const steps = readEventChain(portal.auditFile)
      .events.filter((e) => e.employeeId === "E2001")
      .map((e) => [e.type, e.app].filter(Boolean).join(" "));
    expect(steps).toEqual([
      "sspr.requested",
      "sspr.link-sent",
      "sspr.link-used",
      "sspr.reset.set ldap",
      "sspr.reset.set entra",
      "sspr.reset.set google",
      "sspr.completed",
    ]);
  }, 90_000);
});
