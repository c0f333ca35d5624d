import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../../../provider/net";
import {
  createScimClient,
  scimAccountProvider as p,
  scimEq,
  type ScimAccountInputs,
} from "../../../provider/apps/scim";
import { accountSpec } from "../../support/account-spec";
import { scimFixture } from "../../support/scim";

let fx: Awaited<ReturnType<typeof scimFixture>>;
beforeAll(async () => {
  fx = await scimFixture();
  await p.configure!(fx.request as never);
});
afterAll(() => fx.server.stop());

const names = ["O'Brien", 'Zoë "Z" Ng', "back\\slash", 'a eq "b" or userName pr'];

describe("filter escaping (no filter injection)", () => {
  it("builds compValues as JSON strings", () => {
    expect(scimEq("userName", 'Zoë "Z" Ng')).toBe('userName eq "Zoë \\"Z\\" Ng"');
    expect(scimEq("userName", "back\\slash")).toBe('userName eq "back\\\\slash"');
  });

  it("creates each awkward name and finds exactly that account, twice over", async () => {
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const ins: ScimAccountInputs = {
        ...accountSpec(`X${i}`, { userName: name, displayName: name }),
        instance: "test",
      };
      ids.push((await p.create(ins)).id);
      expect((await p.create(ins)).id).toBe(ids[i]); // adoption finds it again by exact match
    }
    expect(fx.server.store.User.size).toBe(names.length);
    const client = createScimClient(
      createHttpClient({ app: "scim-test", baseUrl: fx.server.url, auth: async () => fx.server.token }),
    );
    for (const [i, name] of names.entries()) {
      const found = await client.users.find(scimEq("userName", name));
      expect(found.map((u) => u.id)).toEqual([ids[i]]);
      expect(found[0]!.userName).toBe(name);
    }
    // The injection attempt matches only itself, not every user with a userName.
    expect(await client.users.find(scimEq("userName", "b"))).toEqual([]);
  });
});
