import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackAccountProvider as accounts, slackGroupProvider as groups } from "../../../provider/apps/slack";
import { groupIdsKeptPerProcess, scimAdmin } from "../../support/scim-admin";
import { callsOf, groupSpec, spec, startSlackHarness, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());

/** A call straight to the emulator, as an admin in Slack would make it. */
const scim = <T = unknown>(method: string, path: string, body?: unknown) =>
  scimAdmin(h.emulator.url, h.emulator.token)<T>(method, path, body);

const membersOf = async (id: string) =>
  (await scim<{ members: Array<{ value: string }> }>("GET", `/Groups/${id}`)).members.map((m) => m.value);

describe("SlackGroup", () => {
  it("creates a user group named after the group's name, adopts it on a second create, and deletes it", async () => {
    const ins = groupSpec("eng");
    const first = await groups.create(ins);
    expect(first.outs).toMatchObject({ slackId: first.id, name: "eng" });
    const again = await groups.create(ins);
    expect(again.id).toBe(first.id);
    expect((await groups.read!(first.id, first.outs!)).props).toMatchObject({ name: "eng" });
    expect(await groups.diff!(first.id, first.outs!, { ...ins, name: "eng2" })).toMatchObject({ replaces: ["name"] });
    const { calls } = await callsOf(() => groups.update!(first.id, first.outs!, { ...ins, privileged: true }));
    expect(calls).toEqual({});
    await groups.delete!(first.id, first.outs!);
    expect((await groups.read!(first.id, first.outs!)).id).toBe("");
    await groups.delete!(first.id, first.outs!); // already gone
  });
});

describe("SlackGroup adoption", () => {
  it("adopts the group made by a create whose answer was lost (the retried POST meets name_already_exists)", async () => {
    h.emulator.faults.set({ drop: { count: 1, when: "after" }, match: { methods: ["POST"], path: "/Groups$" } });
    try {
      const { result, calls } = await callsOf(() => groups.create(groupSpec("lost-answer")));
      expect(calls).toEqual({ GET: 2, POST: 2 }); // lookup, lost POST, retried POST (409), lookup again
      const all = await fetch(`${h.emulator.url}/Groups?filter=${encodeURIComponent('displayName eq "lost-answer"')}`, {
        headers: { authorization: `Bearer ${h.emulator.token}` },
      }).then((r) => r.json() as Promise<{ Resources: Array<{ id: string }> }>);
      expect(all.Resources.map((g) => g.id)).toEqual([result.id]);
    } finally {
      h.emulator.faults.clear();
    }
  });
});

describe("SlackAccount group membership", () => {
  it("joins, moves between and leaves groups by PATCH of its own member entry", async () => {
    const eng = await groups.create(groupSpec("eng-members"));
    const ops = await groups.create(groupSpec("ops-members"));
    const ins = spec("E300", { groups: ["eng-members"] });
    const { id, outs } = await accounts.create(ins);
    expect(outs?.groupIds).toEqual({ "eng-members": eng.id });
    expect(await membersOf(eng.id)).toEqual([id]);

    const moved = await callsOf(() => accounts.update!(id, outs!, { ...ins, groups: ["ops-members"] }));
    // No lookup: this process made ops-members and knows its id. Add, then remove.
    expect(moved.calls).toEqual({ PATCH: 2 });
    expect(await membersOf(eng.id)).toEqual([]);
    expect(await membersOf(ops.id)).toEqual([id]);

    // A leaver is deactivated first, then leaves its groups; a rehire is reactivated before rejoining.
    const left = (await accounts.update!(id, moved.result.outs!, { ...ins, groups: [], enabled: false })).outs!;
    expect(await membersOf(ops.id)).toEqual([]);
    await accounts.update!(id, left, { ...ins, groups: ["ops-members"] });
    expect(await membersOf(ops.id)).toEqual([id]);
  });

  it("reads back only the managed groups the user is still in", async () => {
    const g = await groups.create(groupSpec("readback"));
    const ins = spec("E301", { groups: ["readback"] });
    const { id, outs } = await accounts.create(ins);
    await scim("PATCH", `/Groups/${g.id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "remove", path: "members" }],
    });
    const read = await accounts.read!(id, outs!);
    expect(read.props).toMatchObject({ groups: [], groupIds: {} });
    expect(await accounts.diff!(id, read.props!, ins)).toMatchObject({ changes: true });
  });

  it("looks a group up once however many accounts join it, and again once the id it knows is stale", () =>
    groupIdsKeptPerProcess(
      {
        admin: scimAdmin(h.emulator.url, h.emulator.token),
        join: (id, groups) => accounts.create(spec(id, { groups })),
        members: membersOf,
        lookups: () => h.emulator.faults.count({ method: "GET", path: /\/Groups$/ }),
        missingCode: "SLACK_GROUP_MISSING",
      },
      ["E310", "E311", "E312", "E313"],
    ));

  it("names the missing group when an account should join one that does not exist", async () => {
    await expect(accounts.create(spec("E302", { groups: ["nope"] }))).rejects.toMatchObject({
      code: "SLACK_GROUP_MISSING",
      message: expect.stringContaining("'nope'"),
    });
  });
});
