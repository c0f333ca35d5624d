import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf } from "../../provider/shards";

describe("bucketOf", () => {
  it("is stable: the same id always lands in the same bucket, and known ids keep their buckets", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1, max: 64 }),
        (id, n) => bucketOf(id, n) === bucketOf(id, n),
      ),
    );
    // Pinned: a change of hash would move these people between shard stacks (a delete in one, a create in another).
    expect(["E001", "E002", "E1000", "E1001", "E40000"].map((id) => bucketOf(id, 4))).toMatchInlineSnapshot(`
      [
        0,
        1,
        2,
        1,
        3,
      ]
    `);
  });

  it("always answers a bucket in 0 … buckets-1", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10_000 }), (id, n) => {
        const b = bucketOf(id, n);
        return Number.isInteger(b) && b >= 0 && b < n;
      }),
    );
  });

  it("balances sequential and random employee ids within 10% of an even split", () => {
    const ids = [
      Array.from({ length: 20_000 }, (_, i) => `E${10_000 + i}`),
      Array.from({ length: 20_000 }, (_, i) => `${(i * 7919).toString(36).padStart(6, "0")}-ext`),
    ];
    for (const list of ids) {
      for (const n of [2, 3, 4, 10]) {
        const counts = new Array<number>(n).fill(0);
        for (const id of list) counts[bucketOf(id, n)]! += 1;
        const even = list.length / n;
        for (const c of counts)
          expect(Math.abs(c - even) / even, `${n} buckets: ${counts.join(", ")}`).toBeLessThan(0.1);
      }
    }
  });

  it("refuses a bucket count that is not a positive whole number", () => {
    expect(() => bucketOf("E1", 0)).toThrow(/positive integer/);
    expect(() => bucketOf("E1", 1.5)).toThrow(/positive integer/);
  });
});
