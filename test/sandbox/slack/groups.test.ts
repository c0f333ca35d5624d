import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackEmulator, type SlackEmulator } from "../../../sandbox/slack";
import { caller, GROUP, newUser, patchOps, slackError } from "./call";

let emu: SlackEmulator;
let call: ReturnType<typeof caller>;
const ids: string[] = [];
beforeAll(async () => {
  emu = await startSlackEmulator({ rateLimitScale: false });
  call = caller(emu);
  for (const name of ["g1", "g2", "g3"])
    ids.push((await call("POST", "/Users", newUser(name, `${name}@corp.com`))).body.id);
});
afterAll(() => emu.stop());
const members = (body: { members: { value: string }[] }) => body.members.map((m) => m.value);

describe("Slack emulator: groups", () => {
  it("creates a user group with members and shows it on the member", async () => {
    const res = await call("POST", "/Groups", { schemas: [GROUP], displayName: "Eng", members: [{ value: ids[0] }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^S/),
      displayName: "Eng",
      members: [{ value: ids[0], display: "g1" }],
    });
    expect((await call("GET", `/Users/${ids[0]}`)).body.groups).toEqual([{ value: res.body.id, display: "Eng" }]);
    // Answered as JSON, like every Slack answer; no ETag, since Slack's ServiceProviderConfig says it has none.
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("etag")).toBeNull();
    const listed = await call("GET", `/Groups?filter=${encodeURIComponent('displayName eq "Eng"')}`);
    expect(listed.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1, Resources: [res.body] });
    expect(listed.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await call("POST", "/Groups", { schemas: [GROUP] })).body).toEqual(
      slackError(400, "missing_schema_element"),
    );
  });

  it("adds, removes (value unquoted as in Slack's docs), replaces and clears members by PATCH", async () => {
    const { body: g } = await call("POST", "/Groups", { schemas: [GROUP], displayName: "Ops" });
    const add = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "add", path: "members", value: [{ value: ids[0] }, { value: ids[1] }] }),
    );
    expect(members(add.body)).toEqual([ids[0], ids[1]]);
    const removed = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "remove", path: `members[value eq ${ids[0]}]` }),
    );
    expect(members(removed.body)).toEqual([ids[1]]);
    const single = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "Add", path: "members", value: { value: ids[0] } }),
    );
    expect(members(single.body)).toEqual([ids[1], ids[0]]);
    const quoted = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "remove", path: `members[value eq "${ids[0]}"]` }),
    );
    expect(members(quoted.body)).toEqual([ids[1]]);
    const replaced = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "replace", path: "members", value: [{ value: ids[2] }] }),
    );
    expect(members(replaced.body)).toEqual([ids[2]]);
    const cleared = await call("PATCH", `/Groups/${g.id}`, patchOps({ op: "remove", path: "members" }));
    expect(cleared.body.members).toEqual([]);
  });

  it("PUT replaces all members", async () => {
    const { body: g } = await call("POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Put",
      members: [{ value: ids[0] }],
    });
    const put = await call("PUT", `/Groups/${g.id}`, {
      schemas: [GROUP],
      displayName: "Put",
      members: [{ value: ids[1] }],
    });
    expect(members(put.body)).toEqual([ids[1]]);
  });

  it("refuses deactivated and unknown users as new members, but keeps one deactivated after joining", async () => {
    const { body: u } = await call("POST", "/Users", newUser("gone", "gone@corp.com"));
    const { body: g } = await call("POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Keep",
      members: [{ value: u.id }],
    });
    await call("DELETE", `/Users/${u.id}`);
    const add = await call(
      "PATCH",
      `/Groups/${g.id}`,
      patchOps({ op: "add", path: "members", value: [{ value: ids[0] }] }),
    );
    expect(members(add.body)).toEqual([u.id, ids[0]]);
    const { body: other } = await call("POST", "/Groups", { schemas: [GROUP], displayName: "Other" });
    const refused = await call(
      "PATCH",
      `/Groups/${other.id}`,
      patchOps({ op: "add", path: "members", value: [{ value: u.id }] }),
    );
    expect(refused.body).toEqual(slackError(400, "unable_to_add_deleted_or_guest_to_group"));
    const unknown = await call(
      "PATCH",
      `/Groups/${other.id}`,
      patchOps({ op: "add", path: "members", value: [{ value: "UNOPE" }] }),
    );
    expect(unknown.body).toEqual(slackError(400, "no_such_group_members"));
  });

  it("deletes a group permanently while its members stay", async () => {
    const { body: g } = await call("POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Temp",
      members: [{ value: ids[2] }],
    });
    expect((await call("DELETE", `/Groups/${g.id}`)).status).toBe(204);
    expect((await call("GET", `/Groups/${g.id}`)).body).toEqual(slackError(404, "no_such_group"));
    expect((await call("GET", `/Users/${ids[2]}`)).body.active).toBe(true);
  });

  it("lists groups with paging and a displayName filter", async () => {
    const all = (await call("GET", "/Groups?count=2")).body;
    expect(all.itemsPerPage).toBe(2);
    expect(all.totalResults).toBeGreaterThan(2);
    const eng = (await call("GET", `/Groups?filter=${encodeURIComponent('displayName eq "eng"')}`)).body;
    expect(eng.Resources.map((g: { displayName: string }) => g.displayName)).toEqual(["Eng"]);
  });
});
