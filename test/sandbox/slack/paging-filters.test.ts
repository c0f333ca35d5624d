import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackEmulator, type SlackEmulator } from "../../../sandbox/slack";
import { caller, newUser, slackError } from "./call";

let emu: SlackEmulator;
let call: ReturnType<typeof caller>;
const TOTAL = 1_005; // the primary owner + 1004 created: enough to see the 1000 cap
const q = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}`;

beforeAll(async () => {
  emu = await startSlackEmulator({ rateLimitScale: false });
  call = caller(emu);
  for (let i = 1; i < TOTAL; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, TOTAL - i) }, (_, k) =>
        call("POST", "/Users", newUser(`user${i + k}`, `user${i + k}@corp.com`)),
      ),
    );
  }
}, 60_000);
afterAll(() => emu.stop());

describe("Slack emulator: paging", () => {
  it("pages 10 at a time by default, from startIndex 1", async () => {
    const { body } = await call("GET", "/Users");
    expect(body).toMatchObject({ totalResults: TOTAL, itemsPerPage: 10, startIndex: 1 });
    expect(body.Resources).toHaveLength(10);
    expect(body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
  });

  it("treats a count above 1000 as 1000 and walks the rest by startIndex without overlap", async () => {
    const first = (await call("GET", "/Users?count=5000")).body;
    expect(first.itemsPerPage).toBe(1000);
    const rest = (await call("GET", "/Users?startIndex=1001&count=1000")).body;
    expect(rest).toMatchObject({ startIndex: 1001, itemsPerPage: TOTAL - 1000 });
    const ids = new Set([...first.Resources, ...rest.Resources].map((u: { id: string }) => u.id));
    expect(ids.size).toBe(TOTAL);
  });

  it("returns an empty page past the end", async () => {
    const { body } = await call("GET", `/Users?startIndex=${TOTAL + 1}`);
    expect(body).toMatchObject({ totalResults: TOTAL, itemsPerPage: 0, Resources: [] });
  });
});

describe("Slack emulator: filters", () => {
  it("filters by userName and email, case-insensitively in names, operators and values", async () => {
    expect(
      (await call("GET", q('userName eq "USER7"'))).body.Resources.map((u: { userName: string }) => u.userName),
    ).toEqual(["user7"]);
    expect((await call("GET", q('EMAIL EQ "User8@Corp.com"'))).body.totalResults).toBe(1);
    expect((await call("GET", q('username sw "user100"'))).body.totalResults).toBe(6); // user100 and user1000…user1004
  });

  it("supports and, or, co, pr and parentheses", async () => {
    expect(
      (await call("GET", q('(userName eq "user1" or userName eq "user2") and email co "corp"'))).body.totalResults,
    ).toBe(2);
    expect((await call("GET", q("userName pr"))).body.totalResults).toBe(TOTAL);
  });

  it("answers 200 with an empty list when nothing matches", async () => {
    expect((await call("GET", q('userName eq "nobody"'))).body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it("refuses attributes Slack cannot filter on and broken expressions", async () => {
    expect((await call("GET", q('externalId eq "E1"'))).body).toEqual(slackError(400, "invalid_query"));
    expect((await call("GET", q('userName eq "x'))).body).toEqual(slackError(400, "incomplete_filter"));
    expect((await call("GET", q("userName eq"))).body).toEqual(slackError(400, "incomplete_filter"));
    expect((await call("GET", q('userName zz "x"'))).body).toEqual(slackError(400, "invalid_query"));
  });
});
