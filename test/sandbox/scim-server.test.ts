import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startScimServer } from "../../sandbox/scim";
import { decodeFilterExpression, encodeFilterLiterals } from "../../sandbox/scim";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "idlc-scim-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const user = (userName: string) => ({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName });

describe("the SCIMMY-based SCIM server", () => {
  it("rejects a bad token with a SCIM 401, and a case-variant duplicate userName with 409 uniqueness", async () => {
    const s = await startScimServer({ token: "t" });
    const h = { authorization: "Bearer t", "content-type": "application/scim+json" };
    const denied = await fetch(`${s.url}/Users`, { headers: { authorization: "Bearer nope" } });
    expect([denied.status, ((await denied.json()) as { status: string }).status]).toEqual([401, "401"]);
    expect(
      (await fetch(`${s.url}/Users`, { method: "POST", headers: h, body: JSON.stringify(user("Ann")) })).status,
    ).toBe(201);
    const dup = await fetch(`${s.url}/Users`, { method: "POST", headers: h, body: JSON.stringify(user("ANN")) });
    expect([dup.status, ((await dup.json()) as { scimType: string }).scimType]).toEqual([409, "uniqueness"]);
    const list = (await (
      await fetch(`${s.url}/Users?filter=${encodeURIComponent('userName eq "aNN"')}`, { headers: h })
    ).json()) as { totalResults: number };
    expect(list.totalResults).toBe(1);
    const none = (await (
      await fetch(`${s.url}/Users?filter=${encodeURIComponent('userName eq "zz"')}`, { headers: h })
    ).json()) as { totalResults: number };
    expect(none.totalResults).toBe(0);
    await s.stop();
  });

  it("persists users and groups to its data dir across restarts", async () => {
    const first = await startScimServer({ token: "t", dataDir });
    const h = { authorization: "Bearer t", "content-type": "application/scim+json" };
    const { id } = (await (
      await fetch(`${first.url}/Users`, { method: "POST", headers: h, body: JSON.stringify(user("kept")) })
    ).json()) as { id: string };
    await first.stop();
    const second = await startScimServer({ token: "t", dataDir });
    expect((await fetch(`${second.url}/Users/${id}`, { headers: h })).status).toBe(200);
    await second.stop();
  });

  it("serves userName/externalId lookups from its index with what a scan of every user finds", async () => {
    const s = await startScimServer({ token: "t" });
    const h = { authorization: "Bearer t", "content-type": "application/scim+json" };
    const send = async (method: string, path: string, body?: unknown) =>
      (
        await fetch(`${s.url}${path}`, {
          method,
          headers: h,
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json() as any;
    const made: Record<string, string> = {};
    for (const [name, externalId] of [
      ["Bob", "E1"],
      ["carol", "e1"],
      ["Dan", "E2"],
      ["erin", undefined],
    ] as const)
      made[name] = (await send("POST", "/Users", { ...user(name), ...(externalId ? { externalId } : {}) })).id;
    const group = await send("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "eng",
      members: [{ value: made.Bob }, { value: made.Dan }],
    });
    await send("PUT", `/Users/${made.Dan}`, { ...user("Dan"), externalId: "E1" });
    const names = async (filter: string) =>
      ((await send("GET", `/Users?filter=${encodeURIComponent(filter)}`)).Resources ?? []).map(
        (u: { userName: string }) => u.userName,
      );
    // A branch the index does not serve (displayName) makes the server test every user.
    const scanned = (filter: string) => names(`${filter} or displayName eq "nobody at all"`);
    for (const filter of [
      'externalId eq "E1"',
      'externalId eq "e1"',
      'userName eq "BOB" or externalId eq "E2"',
      'userName eq "erin" or userName eq "bob" or externalId eq "E1"',
      'userName eq "bob" and externalId eq "E1"',
      'externalId eq "nobody"',
    ])
      expect(await names(filter)).toEqual(await scanned(filter));
    expect(await names('externalId eq "E1"')).toEqual(["Bob", "Dan"]);
    expect((await send("GET", `/Users/${made.Bob}`)).groups).toEqual([
      { value: group.id, display: "eng", type: "direct" },
    ]);
    expect((await fetch(`${s.url}/Users/${made.Bob}`, { method: "DELETE", headers: h })).status).toBe(204);
    expect((await send("GET", `/Groups/${group.id}`)).members.map((m: { value: string }) => m.value)).toEqual([
      made.Dan,
    ]);
    expect(await names('userName eq "bob"')).toEqual([]);
    await s.stop();
  });

  it("encodes escaped filter literals and decodes them back exactly", () => {
    const encoded = encodeFilterLiterals('userName eq "a \\"b\\" \\\\c" or title eq "plain"');
    expect(encoded).toMatch(/^userName eq "~idlc~[\w-]+" or title eq "plain"$/);
    const value = encoded.match(/"(~idlc~[\w-]+)"/)![1]!;
    expect(decodeFilterExpression([{ title: ["eq", value] }])).toEqual([{ title: ["eq", 'a "b" \\c'] }]);
    expect(decodeFilterExpression([{ userName: ["eq", "MiXed"] }])).toEqual([{ userName: ["eq", "mixed"] }]);
  });
});

describe("PATCH as identity providers send it", () => {
  it('accepts Entra\'s capitalised ops, "False" strings and remove-members-with-value', async () => {
    const s = await startScimServer({ token: "t" });
    const h = { authorization: "Bearer t", "content-type": "application/scim+json" };
    const post = async (path: string, body: unknown) =>
      (await (await fetch(`${s.url}${path}`, { method: "POST", headers: h, body: JSON.stringify(body) })).json()) as {
        id: string;
      };
    const patch = (path: string, Operations: unknown[]) =>
      fetch(`${s.url}${path}`, {
        method: "PATCH",
        headers: h,
        body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations }),
      });
    const u = await post("/Users", user("entra"));
    expect((await patch(`/Users/${u.id}`, [{ op: "Replace", path: "active", value: "False" }])).status).toBe(200);
    expect(s.store.User.get(u.id)!.active).toBe(false);
    expect((await patch(`/Users/${u.id}`, [{ op: "replace", value: { active: "True" } }])).status).toBe(200);
    expect(s.store.User.get(u.id)!.active).toBe(true);
    const g = await post("/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "G",
      members: [{ value: u.id }],
    });
    expect((await patch(`/Groups/${g.id}`, [{ op: "Remove", path: "members", value: [{ value: u.id }] }])).status).toBe(
      200,
    );
    expect(s.store.Group.get(g.id)!.members ?? []).toEqual([]);
    await s.stop();
  });
});
