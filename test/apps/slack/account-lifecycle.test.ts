import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackAccountProvider as p } from "../../../provider/apps/slack";
import { callsOf, spec, startSlackHarness, usersWithEmail, type SlackHarness } from "./harness";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.emulator.stop());

describe("SlackAccount lifecycle", () => {
  it("runs create → update → disable → re-enable → disable → delete on one Slack user", async () => {
    const ins = spec("E100");
    const created = await callsOf(() => p.create(ins));
    const { id, outs } = created.result;
    expect(created.calls).toEqual({ GET: 1, POST: 1 }); // one lookup, one write
    expect(outs).toMatchObject({ slackId: id, slackUserName: "user.e100", adopted: false, enabled: true });
    expect(h.emulator.control.user(id)).toMatchObject({ externalId: "E100", active: true });
    expect(h.emulator.control.user(id)?.enterprise).toMatchObject({
      employeeNumber: "E100",
      department: "R&D",
      costCenter: "CC42",
    });

    // A rename and a new email are an update, never a replace; the new values reach Slack.
    const renamed = { ...ins, userName: "ada.renamed", email: "ada.renamed@corp.com", title: undefined };
    expect(await p.diff!(id, outs!, renamed)).toMatchObject({ changes: true, replaces: [] });
    const updated = await callsOf(() => p.update!(id, outs!, renamed));
    expect(updated.calls).toEqual({ PATCH: 1, GET: 1 }); // the write and its active read-back
    expect(h.emulator.control.user(id)).toMatchObject({
      userName: "ada.renamed",
      primaryEmail: "ada.renamed@corp.com",
      title: "",
    });

    const disabled = { ...renamed, enabled: false, lifecycle: "terminated" as const };
    const afterDisable = (await p.update!(id, updated.result.outs!, disabled)).outs!;
    expect(h.emulator.control.user(id)?.active).toBe(false);
    expect((await p.read!(id, afterDisable)).props).toMatchObject({ enabled: false, userName: "ada.renamed" });

    const rehired = (await p.update!(id, afterDisable, { ...disabled, enabled: true, lifecycle: "active" })).outs!;
    expect(h.emulator.control.user(id)?.active).toBe(true);
    await expect(p.delete!(id, rehired)).rejects.toMatchObject({ code: "ACCOUNT_STILL_ENABLED" });

    const final = (await p.update!(id, rehired, { ...disabled })).outs!;
    const deleted = await callsOf(() => p.delete!(id, final));
    expect(deleted.calls).toEqual({ GET: 1 });
    // Slack cannot delete: the user stays, deactivated, keeping its email.
    expect(await usersWithEmail(h.emulator, "ada.renamed@corp.com")).toMatchObject([{ id, active: false }]);
    await p.delete!(id, final); // idempotent
  });

  it("changes nothing in Slack when only audit inputs change", async () => {
    const ins = spec("E101");
    const { id, outs } = await p.create(ins);
    const next = { ...ins, grants: [{ entitlement: "account", roleIds: ["eng"] }] };
    expect(await p.diff!(id, outs!, next)).toMatchObject({ changes: true });
    const { calls, result } = await callsOf(() => p.update!(id, outs!, next));
    expect(calls).toEqual({});
    expect(result.outs?.grants).toEqual(next.grants);
    expect(await p.diff!(id, result.outs!, next)).toMatchObject({ changes: false });
  });

  it("reads drift back from Slack and returns an empty id for an unknown user", async () => {
    const ins = spec("E102");
    const { id, outs } = await p.create(ins);
    await fetch(`${h.emulator.url}/Users/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${h.emulator.token}` },
    });
    const read = await p.read!(id, outs!);
    expect(read).toMatchObject({ id, props: { enabled: false, userName: ins.userName, email: ins.email } });
    expect(await p.diff!(id, read.props!, ins)).toMatchObject({ changes: true });
    expect((await p.read!("UNOSUCH", { ...outs!, created: undefined })).id).toBe("");
  });

  it("refuses a delete the state still shows enabled, before any call", async () => {
    const { id, outs } = await p.create(spec("E103"));
    const { calls } = await callsOf(() =>
      expect(p.delete!(id, outs!)).rejects.toMatchObject({ code: "ACCOUNT_STILL_ENABLED" }),
    );
    expect(calls).toEqual({});
  });

  it("refuses to forget a user that someone reactivated in Slack", async () => {
    const ins = spec("E104");
    const { id, outs } = await p.create(ins);
    const off = (await p.update!(id, outs!, { ...ins, enabled: false })).outs!;
    const headers = { authorization: `Bearer ${h.emulator.token}`, "content-type": "application/json" };
    const body = JSON.stringify({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "active", value: true }],
    });
    await fetch(`${h.emulator.url}/Users/${id}`, { method: "PATCH", headers, body });
    await expect(p.delete!(id, off)).rejects.toMatchObject({ code: "ACCOUNT_STILL_ENABLED" });
  });

  it("reports Slack's username and admin rules as check failures", async () => {
    const long = await p.check!(undefined as never, spec("E105", { userName: "a".repeat(22) }));
    expect(long.failures).toEqual([expect.objectContaining({ property: "userName" })]);
    const admin = await p.check!(undefined as never, spec("E105", { admin: true }));
    expect(admin.failures).toEqual([expect.objectContaining({ property: "admin" })]);
    expect((await p.check!(undefined as never, spec("E105", { userName: "Zoë O'Brien" }))).failures).toEqual([]);
  });
});
