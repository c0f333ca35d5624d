/**
 * Day-one activation: who is due (a pure decision), and `sendActivations` on the sandbox's mail catcher — the joiner
 * gets one link at their recovery address, repeated runs send nothing twice, an expired unused link is sent again,
 * and a completed activation ends it. Every link is in the portal's audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activationDecision, readEventChain, type ActivationFacts } from "../../provider/sspr";
import { Browser, linkIn, memoryTarget, startPortal, type Portal } from "./harness";
import { subject } from "./fixtures";

const TODAY = "2026-12-02";
const facts = (over: Partial<ActivationFacts> = {}): ActivationFacts => ({
  accountsSince: new Map([["E100", "2026-11-30"]]),
  records: {},
  today: TODAY,
  now: Date.parse(`${TODAY}T09:00:00Z`),
  withinDays: 14,
  ...over,
});

describe("activationDecision", () => {
  it.each([
    [
      "a joiner whose start day is today and whose account exists",
      subject({ startDate: TODAY }),
      facts(),
      { due: true },
    ],
    [
      "a pre-hire",
      subject({ startDate: "2026-12-07", lifecycle: "pre-hire" }),
      facts(),
      { due: false, why: "not-eligible" },
    ],
    ["a start day still ahead", subject({ startDate: "2026-12-03" }), facts(), { due: false, why: "not-started" }],
    [
      "no account yet",
      subject({ startDate: TODAY }),
      facts({ accountsSince: new Map() }),
      { due: false, why: "no-account" },
    ],
    [
      "a long-standing employee",
      subject({ startDate: "2019-04-01" }),
      facts({ accountsSince: new Map([["E100", "2025-01-01"]]) }),
      { due: false, why: "outside-window" },
    ],
    [
      "an account created late, long after the start day",
      subject({ startDate: "2026-06-01" }),
      facts({ accountsSince: new Map([["E100", "2026-12-01"]]) }),
      { due: true },
    ],
    [
      "an unused link still valid",
      subject({ startDate: TODAY }),
      facts({ records: { E100: { sentAt: 0, expiresAt: Date.parse(`${TODAY}T10:00:00Z`) } } }),
      { due: false, why: "link-pending" },
    ],
    [
      "an expired unused link",
      subject({ startDate: TODAY }),
      facts({ records: { E100: { sentAt: 0, expiresAt: Date.parse(`${TODAY}T08:00:00Z`) } } }),
      { due: true },
    ],
    [
      "someone who already set a password",
      subject({ startDate: TODAY }),
      facts({ records: { E100: { sentAt: 0, expiresAt: 0, completedAt: 1 } } }),
      { due: false, why: "activated" },
    ],
    [
      "a kill-switched joiner",
      subject({ startDate: TODAY, killSwitched: true }),
      facts(),
      { due: false, why: "not-eligible" },
    ],
  ])("%s", (_name, person, given, expected) => {
    expect(activationDecision(person, given)).toEqual(expected);
  });
});

describe("sendActivations on the sandbox", () => {
  let portal: Portal;
  let now = Date.parse(`${TODAY}T09:00:00Z`);
  const target = memoryTarget("ldap");
  const joiner = subject({ employeeId: "E100", startDate: TODAY });
  const veteran = subject({
    employeeId: "E200",
    userName: "vet",
    workEmail: "vet@example.com",
    recoveryEmail: "vet@home.example",
    startDate: "2019-04-01",
  });
  const run = (dryRun = false) =>
    portal.service.sendActivations(
      {
        accountsSince: new Map([
          ["E100", TODAY],
          ["E200", "2019-04-01"],
        ]),
        today: TODAY,
        withinDays: 14,
      },
      "ci",
      dryRun,
    );

  beforeAll(async () => {
    portal = await startPortal({ subjects: [joiner, veteran], targets: [target], now: () => now, publicUrl: "self" });
  });
  afterAll(async () => portal?.stop());

  it("a dry run lists the joiner and sends nothing", async () => {
    expect(await run(true)).toEqual({ sent: ["E100"], failed: [], skipped: { E200: "outside-window" } });
    expect(portal.catcher.messages).toHaveLength(0);
  });

  it("sends the joiner one activation link at the recovery address; a second run sends nothing", async () => {
    expect((await run()).sent).toEqual(["E100"]);
    const mail = await portal.catcher.waitFor("ada@home.example");
    expect(mail.subject).toBe("Activate your work account");
    expect(mail.text).toContain("within 24 hours");
    expect(await run()).toMatchObject({ sent: [], skipped: { E100: "link-pending" } });
    expect(portal.catcher.messages).toHaveLength(1);
  });

  it("sends again once the link expired unused; the person sets a first password; then never again", async () => {
    now += 25 * 3_600_000;
    expect((await run()).sent).toEqual(["E100"]);
    const link = linkIn((await portal.catcher.waitFor("ada@home.example")).text);
    const token = new URL(link).searchParams.get("token")!;
    const browser = new Browser(portal.url);
    await browser.get(`/reset?token=${token}`);
    const chosen = "orbit kettle marmalade lantern";
    expect(
      (await browser.post("/reset", { token, password: chosen, confirm: chosen, csrf: browser.csrf })).status,
    ).toBe(200);
    expect(target.held.get("E100")).toBe(chosen);
    now += 25 * 3_600_000;
    expect(await run()).toMatchObject({ sent: [], skipped: { E100: "activated" } });
    const steps = readEventChain(portal.auditFile)
      .events.filter((e) => e.employeeId === "E100")
      .map((e) => [e.type, e.detail].filter(Boolean).join(" "));
    expect(steps).toEqual([
      "sspr.activation-requested ci",
      "sspr.link-sent activation",
      "sspr.activation-requested ci",
      "sspr.link-sent activation",
      "sspr.link-used",
      "sspr.reset.set",
      "sspr.completed activation: ldap",
    ]);
  });
});
