/** `idlc sspr send-link`'s service call: a link for an active person, recorded with who asked and why. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventChain } from "../../provider/sspr";
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

  it.each([
    ["E200", /not-active/],
    ["E300", /kill-switch/],
    ["E999", /unknown/],
  ])("refuses %s", async (id, why) => {
    await expect(portal.service.sendHelpdeskLink(id, "helpdesk@example.com", "asked")).rejects.toThrow(why);
  });
});
