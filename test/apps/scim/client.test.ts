import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, createRequestCounter } from "../../../provider/net";
import { createScimClient } from "../../../provider/apps/scim";
import { startScimServer, type RunningScimServer } from "../../../sandbox/scim";

let server: RunningScimServer;
const counter = createRequestCounter();
const client = () =>
  createScimClient(
    createHttpClient({
      app: "scim",
      baseUrl: server.url,
      auth: async () => server.token,
      counter,
      retry: { baseDelayMs: 1 },
    }),
  );
beforeAll(async () => {
  server = await startScimServer({ maxResults: 2 });
});
afterAll(() => server.stop());

describe("SCIM wire client", () => {
  it("walks startIndex/count pages up to the server's maxResults", async () => {
    const c = client();
    for (let i = 0; i < 5; i++)
      await c.users.create({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `p${i}` });
    await c.features();
    counter.reset();
    const all = await c.users.find('userName sw "p"');
    expect(all.map((u) => u.userName).sort()).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect(counter.get("scim").byMethod.GET).toBe(3); // pages of 2, 2, 1
    expect(await c.users.find('userName eq "nobody"')).toEqual([]);
  });

  it("reads features from ServiceProviderConfig once, and asks again after a failed probe", async () => {
    const c = client();
    server.faults.set({ serverError: { count: 10, status: 500 }, match: { path: "ServiceProviderConfig" } });
    await expect(c.features()).rejects.toMatchObject({ kind: "unavailable" });
    server.faults.clear();
    expect(await c.features()).toEqual({ patch: true, etag: true, maxResults: 2 });
    counter.reset();
    await c.features();
    expect(counter.get("scim").total).toBe(0);
  });

  it("answers undefined for a user that is gone and false for deleting it again", async () => {
    const c = client();
    const u = await c.users.create({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "gone" });
    expect(await c.users.remove(u.id)).toBe(true);
    expect(await c.users.get(u.id)).toBeUndefined();
    expect(await c.users.remove(u.id)).toBe(false);
  });
});
