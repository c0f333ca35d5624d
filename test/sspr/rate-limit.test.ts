import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_RULES, hit, pruneRates, type RateState } from "../../provider/sspr";

const t0 = Date.parse("2026-12-02T08:00:00Z");

function hits(count: number, keys: Parameters<typeof hit>[2], start: RateState = {}, at = t0) {
  let state = start;
  const allowed: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const result = hit(state, DEFAULT_RATE_RULES, keys, at + i);
    allowed.push(result.allowed);
    state = result.state;
  }
  return { allowed, state };
}

describe("rate limits", () => {
  it("allow 5 requests per account per 15 minutes, then refuse", () => {
    const { allowed } = hits(7, { account: "E1", client: "10.0.0.1" });
    expect(allowed).toEqual([true, true, true, true, true, false, false]);
  });

  it("count each client address across accounts: 30 per window", () => {
    let state: RateState = {};
    const allowed: boolean[] = [];
    for (let i = 0; i < 31; i++) {
      const result = hit(state, DEFAULT_RATE_RULES, { account: `E${i}`, client: "10.0.0.9" }, t0 + i);
      allowed.push(result.allowed);
      state = result.state;
      if (!result.allowed) expect(result.refusedBy).toBe("client");
    }
    expect(allowed.filter(Boolean)).toHaveLength(30);
    expect(allowed[30]).toBe(false);
  });

  it("count a recovery address shared by several accounts", () => {
    let state: RateState = {};
    const results = [];
    for (let i = 0; i < 6; i++) {
      const result = hit(state, DEFAULT_RATE_RULES, { account: `E${i}`, recovery: "shared@home", client: `c${i}` }, t0);
      results.push(result);
      state = result.state;
    }
    expect(results[5]).toMatchObject({ allowed: false, refusedBy: "recovery" });
  });

  it("forget hits once the window has passed", () => {
    const { state } = hits(5, { account: "E1" });
    expect(hit(state, DEFAULT_RATE_RULES, { account: "E1" }, t0 + 15 * 60_000 + 10).allowed).toBe(true);
    expect(pruneRates(state, DEFAULT_RATE_RULES, t0 + 16 * 60_000)).toEqual({});
  });
});
