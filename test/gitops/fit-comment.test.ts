import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBlocks, type Block } from "../../provider/gitops";

const lines = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix} line ${i} ${"x".repeat(40)}`);
const note = (what: string) => (cut: number, total: number) => `_${cut} of ${total} ${what} cut._`;

describe("fitBlocks", () => {
  it("returns everything unchanged when it fits", () => {
    const blocks: Block[] = [{ head: ["# a"], items: ["1", "2"], tail: ["end"], rank: 1, cutNote: note("x") }];
    expect(fitBlocks(blocks, 1000)).toBe("# a\n1\n2\nend");
  });

  it("cuts the lowest rank first, only as much as needed, and leaves higher ranks whole", () => {
    const low: Block = { head: ["## low"], items: lines(100, "low"), tail: [], rank: 1, cutNote: note("low lines") };
    const high: Block = { head: ["## high"], items: lines(10, "high"), tail: [], rank: 2, cutNote: note("high lines") };
    const full = fitBlocks([high, low], 1e9).length;
    const out = fitBlocks([high, low], full - 500);
    expect(out.length).toBeLessThanOrEqual(full - 500);
    expect(out).toContain("high line 9");
    expect(out).toMatch(/_(\d+) of 100 low lines cut\._/);
    const cut = Number(/_(\d+) of 100/.exec(out)![1]);
    // 500 characters at ~50 per line: about 10 lines plus the note's room, not the whole block.
    expect(cut).toBeGreaterThanOrEqual(10);
    expect(cut).toBeLessThan(15);
  });

  it("closes a <details> whose closing line was cut, and keeps a tail that closes it itself", () => {
    const open: Block = {
      head: ["<details><summary>s</summary>"],
      items: [...lines(20, "row"), "</details>"],
      tail: [],
      rank: 1,
      cutNote: note("rows"),
    };
    const out = fitBlocks([open], 400);
    expect(out.match(/<details>/g)).toHaveLength(1);
    expect(out.match(/<\/details>/g)).toHaveLength(1);
    expect(out.indexOf("</details>")).toBeLessThan(out.indexOf("rows cut"));
    const closedByTail: Block = {
      head: ["<details><summary>s</summary>"],
      items: lines(20, "row"),
      tail: ["</details>"],
      rank: 1,
      cutNote: note("rows"),
    };
    expect(fitBlocks([closedByTail], 400).match(/<\/details>/g)).toHaveLength(1);
  });

  it("never cuts a block without a rank, even over the limit", () => {
    const fixed: Block = { head: ["head"], items: lines(50, "fixed"), tail: [] };
    expect(fitBlocks([fixed], 100)).toContain("fixed line 49");
  });

  it("stays within the limit whenever the uncuttable parts and notes fit (property)", () => {
    const block = fc.record({
      head: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
      items: fc.array(fc.string({ maxLength: 200 }), { maxLength: 60 }),
      tail: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
      rank: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 6000 }), (raw, max) => {
        const blocks = raw.map((b) => ({ ...b, cutNote: note("things") }));
        const floor =
          fitBlocks(
            blocks.map((b) => ({ ...b, items: [] })),
            1e9,
          ).length +
          blocks.length * 60;
        const out = fitBlocks(blocks, max);
        if (floor <= max) expect(out.length).toBeLessThanOrEqual(max);
        // When nothing was cut, every item is there in order.
        for (const b of blocks)
          if (b.items.length && !out.includes("things cut")) expect(out).toContain(b.items.join("\n"));
      }),
      { numRuns: 300 },
    );
  });
});
