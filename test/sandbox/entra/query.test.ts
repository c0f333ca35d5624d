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
