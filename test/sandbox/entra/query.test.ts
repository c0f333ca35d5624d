import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEntraEmulator, type EntraEmulator } from "../../../sandbox/entra";
import { call, newUser } from "./api";

let e: EntraEmulator;
beforeAll(async () => {
  e = await startEntraEmulator({ domains: ["example.com"] });
  for (let i = 0; i < 12; i++) await call(e, "POST", "/users", newUser({ department: i % 2 ? "Sales" : "R&D" }));
});
afterAll(() => e.stop());

describe("Graph OData queries", () => {
  it("follows @odata.nextLink (with $select and $filter kept) until it is absent", async () => {
    const ids: string[] = [];
    let link: string | undefined = `/users?$select=id,department&$filter=department eq 'Sales'&$top=4`;
    while (link) {
      const { body } = await call(e, "GET", link);
      expect(
        body.value.every((u: Record<string, unknown>) => u.department === "Sales" && Object.keys(u).length === 2),
      ).toBe(true);
      ids.push(...body.value.map((u: { id: string }) => u.id));
      link = body["@odata.nextLink"];
    }
    expect(new Set(ids).size).toBe(6);
  });

  it("accepts $top up to 999 only", async () => {
    expect((await call(e, "GET", "/users?$top=999")).status).toBe(200);
    expect((await call(e, "GET", "/users?$top=1000")).body.error.message).toMatch(/between 1 and 999/);
  });

  it("finds users by employeeId (from its index) as the same filter by `in` (a scan) does, through edits, deletes and restores", async () => {
    const ids = async (filter: string) =>
      (await call(e, "GET", `/users?$filter=${filter}&$select=id&$top=999`)).body.value.map(
        (u: { id: string }) => u.id,
      );
    const same = async (value: string) => {
      const quoted = encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
      expect(await ids(`employeeId eq ${quoted}`)).toEqual(await ids(`employeeId in (${quoted})`));
    };
    const a = (await call(e, "POST", "/users", newUser({ employeeId: "IX-1" }))).body.id;
    const b = (await call(e, "POST", "/users", newUser({ employeeId: "ix-1" }))).body.id;
    const c = (await call(e, "POST", "/users", newUser({ employeeId: "IX-2" }))).body.id;
    expect((await call(e, "PATCH", `/users/${c}`, { employeeId: "IX-1" })).status).toBe(204);
    expect((await call(e, "PATCH", `/users/${a}`, { employeeId: "IX-3" })).status).toBe(204);
    for (const v of ["IX-1", "ix-1", "IX-2", "IX-3", "O'Brien"]) await same(v);
    expect(await ids("employeeId eq 'IX-1'")).toEqual([b, c]);
    expect((await call(e, "DELETE", `/users/${b}`)).status).toBe(204);
    await same("IX-1");
    expect(await ids("employeeId eq 'IX-1'")).toEqual([c]);
    expect((await call(e, "POST", `/directory/deletedItems/${b}/restore`)).status).toBe(200);
    await same("IX-1");
    expect(await ids("employeeId eq 'IX-1'")).toEqual([c, b]);
  });

  it("supports the filter subset idlc uses and refuses the rest with Request_UnsupportedQuery", async () => {
    expect((await call(e, "GET", "/users?$filter=employeeId eq 'E3'&$select=employeeId")).body.value).toEqual([
      { employeeId: "E3" },
    ]);
    expect(
      (await call(e, "GET", "/users?$filter=startswith(displayName,'Adele 1')&$select=id")).body.value.length,
    ).toBeGreaterThan(0);
    expect((await call(e, "GET", "/users?$filter=employeeId in ('E1','E2')&$select=id")).body.value).toHaveLength(2);
    expect((await call(e, "GET", "/users?$filter=endswith(mail,'x')")).body.error.code).toBe(
      "Request_UnsupportedQuery",
    );
    expect((await call(e, "GET", "/users?$filter=city eq 'Berlin'")).body.error.code).toBe("Request_UnsupportedQuery");
  });

  it("throttles with 429 and Retry-After above the request budget", async () => {
    e.control.behaviour.requestsPer10Seconds = 2;
    e.control.advanceClock(11_000);
    await call(e, "GET", "/users?$top=1");
    await call(e, "GET", "/users?$top=1");
    const over = await call(e, "GET", "/users?$top=1");
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(over.body.error.code).toBe("TooManyRequests");
    e.control.behaviour.requestsPer10Seconds = 8000;
  });
});
