/** `idlc sspr send-link`'s service call: a link for an active person, recorded with who asked and why. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  DEFAULT_POLICY,
  DEFAULT_RATE_RULES,
  readEventChain,
  smtpMailer,
  SsprService,
} from "../../provider/sspr";
import { linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { people, subject } from "./fixtures";

let portal: Portal;
const noRecovery = subject({
  employeeId: "E700",
  userName: "no.recovery",
  workEmail: "no.recovery@example.com",
  recoveryEmail: undefined,
});

beforeAll(async () => {
  portal = await startPortal({ subjects: [...people, noRecovery], targets: [memoryTarget("ldap")] });
});
afterAll(async () => portal?.stop());

describe("helpdesk-sent links", () => {
  it("mails an active person a link and records who asked and why", async () => {
    await portal.service.sendHelpdeskLink("E100", "helpdesk@example.com", "ticket 4711: lost phone");
    const mail = await portal.catcher.waitFor("ada@home.example");
    expect(mail.text).toMatch(/IT helpdesk sent you this link/);
    expect(linkIn(mail.text)).toMatch(/^https:\/\/reset\.example\.com\/portal\/reset\?token=/);
    const events = readEventChain(portal.auditFile).events;
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "sspr.helpdesk-requested",
        employeeId: "E100",
        detail: "helpdesk@example.com: ticket 4711: lost phone",
      }),
    );
  });

  it("sends to an address the helpdesk gives when HR holds none", async () => {
    await portal.service.sendHelpdeskLink(
      "E700",
      "helpdesk@example.com",
      "no personal email on file",
      "verified@home.example",
    );
    expect((await portal.catcher.waitFor("verified@home.example")).subject).toBe("Reset your work password");
  });

  it("a link sent by another process (idlc sspr send-link beside the running portal) works at the portal", async () => {
    const sendLink = new SsprService({
      subjects: () => people,
      stateFile: portal.stateFile,
      publicUrl: "https://reset.example.com/portal/",
      policy: DEFAULT_POLICY,
      rates: DEFAULT_RATE_RULES,
      companyWords: [],
      targets: [],
      forceChange: false,
      send: smtpMailer({ host: "127.0.0.1", port: portal.catcher.smtpPort, starttls: false, from: "it@example.com" }),
      audit: auditLog(portal.auditFile),
    });
    portal.service.openLink("warm-up: the portal has read the state file"); // it holds an older state now
    await sendLink.sendHelpdeskLink("E100", "helpdesk@example.com", "ticket 4712");
    const token = new URL(linkIn((await portal.catcher.waitFor("ada@home.example")).text)).searchParams.get("token")!;
    expect(portal.service.openLink(token)).toMatchObject({ ok: true, purpose: "helpdesk" });
    portal.service.requestLink("nobody", "127.0.0.1"); // the portal saves its state: the link must survive it
    expect(portal.service.openLink(token)).toMatchObject({ ok: true });
    expect(readEventChain(portal.auditFile).verification.ok).toBe(true);
  });

  it.each([
    ["E200", /not-active/],
    ["E300", /kill-switch/],
    ["E999", /unknown/],
  ])("refuses %s", async (id, why) => {
    await expect(portal.service.sendHelpdeskLink(id, "helpdesk@example.com", "asked")).rejects.toThrow(why);
  });
});
