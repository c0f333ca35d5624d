/**
 * Fitting a comment under a size limit by cutting its least important parts first, each cut leaving a note
 * that says what went and where to find it. Works on lines so markdown and `<details>` stay well formed.
 */

/** One part of a comment: `head` and `tail` always stay; `items` may be cut from the end. */
export interface Block {
  head: string[];
  items: string[];
  tail: string[];
  /** Lower ranks are cut first; a block without a rank is never cut. */
  rank?: number;
  /** The note left where items were cut, e.g. `4,812 of 5,000 resource rows cut …`. */
  cutNote?: (cut: number, total: number) => string;
}

/** The note a cut leaves: how many of what went, and the command that shows everything. */
export const cutNote = (what: string, command?: string) => (cut: number, total: number) =>
  `_${cut} of ${total} ${what} cut to fit GitHub's comment limit${command ? `; run \`${command}\` for all of them` : ""}._`;

const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);

/** Lines that close every `<details>` the kept lines opened and the tail does not close. */
function closers(kept: readonly string[], tail: readonly string[]): string[] {
  const count = (lines: readonly string[], tag: RegExp) => lines.reduce((n, l) => n + (l.match(tag)?.length ?? 0), 0);
  const open = count(kept, /<details>/g) - count(kept, /<\/details>/g) - count(tail, /<\/details>/g);
  return open > 0 ? ["", ...Array<string>(open).fill("</details>")] : [];
}

function render(block: Block, keep: number): string[] {
  const kept = [...block.head, ...block.items.slice(0, keep)];
  if (keep >= block.items.length) return [...kept, ...block.tail];
  const note =
    block.cutNote?.(block.items.length - keep, block.items.length) ?? `${block.items.length - keep} lines cut.`;
  return [...kept, ...closers(kept, block.tail), ...block.tail, "", note, ""];
}

/**
 * The blocks joined by newlines, at most `max` characters when the uncuttable parts allow it: items go from the
 * end of the lowest-ranked block first, and only as many as needed.
 */
export function fitBlocks(blocks: readonly Block[], max: number): string {
  const keep = blocks.map((b) => b.items.length);
  const total = () => blocks.reduce((n, b, i) => n + size(render(b, keep[i]!)), 0);
  const order = blocks
    .map((b, i) => ({ rank: b.rank, i }))
    .filter((b) => b.rank !== undefined)
    .sort((a, b) => a.rank! - b.rank! || a.i - b.i);
  for (const { i } of order) {
    const items = blocks[i]!.items;
    // Drop items from the end until the cut saves the excess; the note it adds may need one more round.
    for (let excess = total() - max; excess > 0 && keep[i]! > 0; excess = total() - max) {
      for (let saved = 0; keep[i]! > 0 && saved < excess;) saved += items[--keep[i]!]!.length + 1;
    }
  }
  return blocks.flatMap((b, i) => render(b, keep[i]!)).join("\n");
}
