import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../../sandbox/entra";
import { call, newUser } from "./api";

let e: EntraEmulator;
beforeAll(async () => {
  e = await startEntraEmulator({ domains: ["example.com"] });
});
afterAll(() => e.stop());

const group = (nick: string) => ({ displayName: nick, mailNickname: nick, mailEnabled: false, securityEnabled: true });
const ref = (id: string) => ({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

describe("Graph group membership", () => {
  it("adds with $ref (204), refuses a second add with 400 'already exist', removes a non-member with 404", async () => {
    const g = (await call(e, "POST", "/groups", group("eng"))).body;
    const u = (await call(e, "POST", "/users", newUser())).body;
    expect((await call(e, "POST", `/groups/${g.id}/members/$ref`, ref(u.id))).status).toBe(204);
    const again = await call(e, "POST", `/groups/${g.id}/members/$ref`, ref(u.id));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already exist/);
    expect((await call(e, "DELETE", `/groups/${g.id}/members/${u.id}/$ref`)).status).toBe(204);
    expect((await call(e, "DELETE", `/groups/${g.id}/members/${u.id}/$ref`)).status).toBe(404);
    expect(
      (await call(e, "POST", `/groups/${g.id}/members/$ref`, ref("00000000-0000-0000-0000-000000000000"))).status,
    ).toBe(404);
  });

  it("bulk-binds at most 20 members, all or nothing", async () => {
    const g = (await call(e, "POST", "/groups", group("bulk"))).body;
    const users = [];
    for (let i = 0; i < 21; i++) users.push((await call(e, "POST", "/users", newUser())).body.id as string);
    const bind = (ids: string[]) =>
      call(e, "PATCH", `/groups/${g.id}`, { "members@odata.bind": ids.map((id) => ref(id)["@odata.id"]) });
    expect((await bind(users)).status).toBe(400);
    expect((await bind(users.slice(0, 2))).status).toBe(204);
    expect((await bind(users.slice(1, 3))).status).toBe(400);
    expect(e.control.membersOf(g.id)).toHaveLength(2);
  });
});

describe("Graph $batch", () => {
  it("runs dependsOn in order, answers 424 for a failed dependency, and 200 outside", async () => {
    const u = (await call(e, "POST", "/users", newUser())).body;
    const { status, body } = await call(e, "POST", "/$batch", {
      requests: [
        {
          id: "1",
          method: "PATCH",
          url: `/users/${u.id}`,
          headers: { "Content-Type": "application/json" },
          body: { accountEnabled: false },
        },
        { id: "2", method: "POST", url: `/users/${u.id}/revokeSignInSessions`, dependsOn: ["1"] },
        { id: "3", method: "GET", url: "/users/missing" },
        { id: "4", method: "GET", url: `/users/${u.id}?$select=accountEnabled`, dependsOn: ["3"] },
      ],
    });
    expect(status).toBe(200);
    const byId = Object.fromEntries(body.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(byId).toEqual({ "1": 204, "2": 200, "3": 404, "4": 424 });
  });

  it("refuses more than 20 requests, duplicate ids, a body without headers, and circular dependencies", async () => {
    const get = (id: string, extra = {}) => ({ id, method: "GET", url: "/users?$top=1", ...extra });
    expect(
      (await call(e, "POST", "/$batch", { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) })).status,
    ).toBe(400);
    expect((await call(e, "POST", "/$batch", { requests: [get("1"), get("1")] })).status).toBe(400);
    expect(
      (await call(e, "POST", "/$batch", { requests: [{ id: "1", method: "PATCH", url: "/users/x", body: {} }] }))
        .status,
    ).toBe(400);
    expect(
      (await call(e, "POST", "/$batch", { requests: [get("1", { dependsOn: ["2"] }), get("2", { dependsOn: ["1"] })] }))
        .status,
    ).toBe(400);
  });

  it("throttles inner requests on their own (an inner 429 inside an outer 200)", async () => {
    e.faults.set({ rateLimit: { count: 1, retryAfterSeconds: 3 }, match: { path: "/users/inner$" } });
    const { status, body } = await call(e, "POST", "/$batch", {
      requests: [{ id: "a", method: "GET", url: "/users/inner" }],
    });
    expect(status).toBe(200);
    expect(body.responses[0]).toMatchObject({ id: "a", status: 429, headers: { "Retry-After": "3" } });
    e.faults.clear();
  });
});
