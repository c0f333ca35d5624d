import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackAccountProvider as p } from "../../../provider/apps/slack";
import { callsOf, spec, startSlackHarness, usersWithEmail, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());
beforeEach(() => h.emulator.faults.clear());

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${h.emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.emulator.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => (r.status === 204 ? { id: "" } : ((await r.json()) as { id: string })));

describe("SlackAccount create adopts instead of duplicating", () => {
  it("adopts the user made by a create whose answer was lost (the retried POST meets email_taken)", async () => {
    const ins = spec("E200");
    h.emulator.faults.set({ drop: { count: 1, when: "after" }, match: { methods: ["POST"], path: "/Users$" } });
    const { result, calls } = await callsOf(() => p.create(ins));
    expect(result.outs).toMatchObject({ adopted: true, enabled: true });
    expect(await usersWithEmail(h.emulator, ins.email)).toEqual([
      expect.objectContaining({ id: result.id, active: true }),
    ]);
    expect(calls.POST).toBe(2); // the lost one and its retry (409)
  });

  it("adopts on the next run after a create that failed outright", async () => {
    const ins = spec("E201");
    const made = await api("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: ins.userName,
      externalId: "E201",
      emails: [{ value: ins.email }],
    });
    const { result, calls } = await callsOf(() => p.create(ins));
    expect(result).toMatchObject({ id: made.id, outs: { adopted: true } });
    expect(calls).toEqual({ GET: 2, PATCH: 1 }); // lookup, bring in line, read active back
    expect(h.emulator.control.user(made.id)).toMatchObject({ displayName: ins.displayName, title: "Engineer" });
  });

  it("reactivates a deactivated user holding the email instead of failing with email_taken", async () => {
    const ins = spec("E202");
    const { id, outs } = await p.create(ins);
    await p.update!(id, outs!, { ...ins, enabled: false });
    // Retention passed: the account left the program (forgotten, still deactivated in Slack). Then a rehire.
    await p.delete!(id, { ...outs!, enabled: false });
    const rehire = await p.create({ ...ins, userName: "ada.back" });
    expect(rehire).toMatchObject({ id, outs: { adopted: true, slackUserName: "ada.back" } });
    expect(h.emulator.control.user(id)).toMatchObject({ active: true, userName: "ada.back" });
    expect(await usersWithEmail(h.emulator, ins.email)).toHaveLength(1);
  });

  it("adopts a hand-made user with no employee id by email and keeps its secondary email", async () => {
    const ins = spec("E203");
    const made = await api("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "handmade",
      emails: [
        { value: ins.email, primary: true },
        { value: "alias@corp.com", primary: false },
      ],
    });
    const { id } = await p.create(ins);
    expect(id).toBe(made.id);
    expect(h.emulator.control.user(id)).toMatchObject({
      userName: ins.userName,
      primaryEmail: ins.email,
      secondaryEmail: "alias@corp.com",
      externalId: "",
    });
  });

  it("never takes over another employee's user that holds the same email", async () => {
    const other = spec("E204");
    await p.create(other);
    await expect(p.create(spec("E205", { email: other.email }))).rejects.toMatchObject({
      code: "SLACK_IDENTITY_TAKEN",
    });
    await expect(p.create(spec("E206", { userName: other.userName }))).rejects.toMatchObject({
      code: "SLACK_IDENTITY_TAKEN",
    });
  });
});

describe("Slack's own rules", () => {
  it("refuses to deactivate the primary owner with a clear error", async () => {
    const owner = h.emulator.control.primaryOwner();
    const ins = spec("E001", { userName: owner.userName, email: owner.primaryEmail });
    const { id, outs } = await p.create(ins);
    expect(id).toBe(owner.id);
    const err = await p.update!(id, outs!, { ...ins, enabled: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "SLACK_PRIMARY_OWNER",
      fix: expect.stringContaining("Transfer primary ownership"),
    });
    expect(h.emulator.control.user(id)?.active).toBe(true);
  });

  it("re-reads active after an update and fixes a flip (Slack's April 2024 incident)", async () => {
    const ins = spec("E210");
    const { id, outs } = await p.create(ins);
    h.emulator.control.quirks.deactivateOnNextUpdates = 1;
    const { calls } = await callsOf(() => p.update!(id, outs!, { ...ins, title: "Staff Engineer" }));
    expect(h.emulator.control.user(id)).toMatchObject({ active: true, title: "Staff Engineer" });
    expect(calls).toEqual({ PATCH: 2, GET: 2 });
  });

  it("fails clearly when active keeps flipping", async () => {
    const ins = spec("E211");
    const { id, outs } = await p.create(ins);
    h.emulator.control.quirks.deactivateOnNextUpdates = 5;
    await expect(p.update!(id, outs!, { ...ins, title: "Lead" })).rejects.toMatchObject({
      code: "SLACK_ACTIVE_FLIPPED",
    });
    h.emulator.control.quirks.deactivateOnNextUpdates = 0;
  });
});
