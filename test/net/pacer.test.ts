import { describe, expect, it } from "vitest";
import { createPacer, pacersFor, reserve, type BucketState } from "../../provider/net";

describe("reserve (token bucket math)", () => {
  it("lets a full burst through, then spaces requests at the sustained rate", () => {
    let state: BucketState = { tokens: 20, at: 0 };
    const waits: number[] = [];
    for (let i = 0; i < 23; i++) {
      const r = reserve(state, 0, 180, 20);
      state = r.state;
      waits.push(r.waitMs);
    }
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    // 180/min = one token every 333.3 ms: the 21st, 22nd, 23rd requests queue behind each other.
    expect(waits.slice(20)).toEqual([334, 667, 1000]);
  });

  it("refills with time but never above the burst", () => {
    const drained = { tokens: 0, at: 0 };
    expect(reserve(drained, 1000, 60, 5).waitMs).toBe(0); // 1 token back after 1 s at 60/min
    expect(reserve(drained, 1_000_000, 60, 5).state.tokens).toBe(4);
  });
});

describe("createPacer with a fake clock", () => {
  it("sleeps for the reservation and composes org-wide and per-endpoint limits", async () => {
    let clock = 0;
    const slept: number[] = [];
    const fake = {
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock += ms;
      },
    };
    const org = createPacer({ perMinute: 600, burst: 3, ...fake });
    const users = createPacer({ perMinute: 60, burst: 1, ...fake });
    const rules = [
      { methods: ["POST", "PUT", "PATCH", "DELETE"], pacer: org },
      { methods: ["POST"], path: /^\/Users$/, pacer: users },
    ];
    expect(pacersFor(rules, "GET", "/Users")).toEqual([]);
    expect(pacersFor(rules, "PATCH", "/Users/1")).toEqual([org]);
    for (let i = 0; i < 3; i++) for (const p of pacersFor(rules, "POST", "/Users")) await p.take();
    // org allows 3 at once; the per-endpoint bucket (1/s, burst 1) spaces the 2nd and 3rd a second apart.
    expect(slept).toEqual([1000, 1000]);
    expect(clock).toBe(2000);
  });

  it("rejects impossible limits when built", () => {
    expect(() => createPacer({ perMinute: 0, burst: 1 })).toThrow(RangeError);
  });
});
