import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendToChain, CHAIN_FILE, chainEntry, GENESIS, sha256, verifyChain } from "../../provider/audit";
import { scripted, type Scripted } from "./scripted";

let s: Scripted;
beforeEach(async () => {
  s = await scripted();
});
afterEach(() => s.cleanup());

const file = (name: string) => path.join(s.backend.historyDir, name);
/** Flips one byte of a file in place (a digit of a JSON number or a letter: it stays valid-looking). */
function editOneByte(name: string, find: string, replace: string) {
  const text = readFileSync(file(name), "utf8");
  expect(text).toContain(find);
  expect(find.length).toBe(replace.length);
  writeFileSync(file(name), text.replace(find, replace));
}

describe("hash chain", () => {
  it("the engine-written chain verifies: one line per update, linked from the genesis hash", () => {
    const v = verifyChain(s.backend.historyDir);
    expect(v).toMatchObject({ ok: true, verified: 7, notCoveredBefore: [], notCoveredAfter: [] });
    const lines = readFileSync(file(CHAIN_FILE), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].previous).toBe(GENESIS);
    expect(lines.slice(1).map((l) => l.previous)).toEqual(lines.slice(0, -1).map((l) => l.hash));
    expect(v.head).toBe(lines[6].hash);
    const history = readFileSync(file(lines[0].history));
    expect(lines[0].historySha256).toBe(sha256(history));
    expect(lines[0].hash).toBe(chainEntry(GENESIS, history, readFileSync(file(lines[0].checkpoint))));
  });

  it("editing one byte of an old history entry fails verification naming that entry", () => {
    const second = s.backend.historyFiles[1]!;
    editOneByte(second, '"Bob Builder"', '"Rob Builder"');
    const v = verifyChain(s.backend.historyDir);
    expect(v.ok).toBe(false);
    expect(v.firstMismatch).toEqual({
      line: 2,
      version: 2,
      history: second,
      reason: `history entry ${second} was changed after it was chained`,
    });
    expect(v.verified).toBe(1);
  });

  it("editing a checkpoint copy, or deleting a history entry, is named too", () => {
    const third = s.backend.historyFiles[2]!.replace(".history.json", ".checkpoint.json");
    editOneByte(third, '"enabled":false', '"enabled":fals ');
    expect(verifyChain(s.backend.historyDir).firstMismatch).toMatchObject({
      line: 3,
      version: 3,
      reason: `checkpoint ${third} was changed after it was chained`,
    });
    rmSync(file(s.backend.historyFiles[0]!));
    expect(verifyChain(s.backend.historyDir).firstMismatch).toMatchObject({
      line: 1,
      reason: `history entry ${s.backend.historyFiles[0]} is missing`,
    });
  });

  it("rewriting a file and its chain line without re-linking the chain breaks the next line", () => {
    const chain = readFileSync(file(CHAIN_FILE), "utf8").trim().split("\n");
    const fourth = s.backend.historyFiles[3]!;
    editOneByte(fourth, '"Lee Leaver', '"Lea Leaver');
    const line = JSON.parse(chain[3]!);
    line.historySha256 = sha256(readFileSync(file(fourth)));
    line.hash = chainEntry(line.previous, readFileSync(file(fourth)), readFileSync(file(line.checkpoint)));
    chain[3] = JSON.stringify(line);
    writeFileSync(file(CHAIN_FILE), `${chain.join("\n")}\n`);
    expect(verifyChain(s.backend.historyDir).firstMismatch).toMatchObject({
      line: 5,
      version: 5,
      reason: expect.stringContaining("previous hash"),
    });
  });

  it("a history entry the chain does not cover fails when it is newer than the chain's start", () => {
    const fake = "audit-1774900000000000000.history.json";
    writeFileSync(file(fake), readFileSync(file(s.backend.historyFiles[6]!)));
    const v = verifyChain(s.backend.historyDir);
    expect(v).toMatchObject({ ok: false, notCoveredAfter: [fake], notCoveredBefore: [] });
    expect(v.firstMismatch).toBeUndefined();
  });

  it("entries older than the chain are reported but do not fail it", async () => {
    const dir = s.backend.historyDir;
    rmSync(file(CHAIN_FILE));
    for (const h of s.backend.historyFiles.slice(2)) await appendToChain(dir, h);
    const v = verifyChain(dir);
    expect(v).toMatchObject({
      ok: true,
      verified: 5,
      notCoveredBefore: s.backend.historyFiles.slice(0, 2),
      notCoveredAfter: [],
    });
  });

  it("no chain at all does not verify", () => {
    rmSync(file(CHAIN_FILE));
    expect(verifyChain(s.backend.historyDir)).toMatchObject({
      ok: false,
      verified: 0,
      notCoveredBefore: s.backend.historyFiles,
    });
  });

  it("a line that is not a chain entry is named", () => {
    appendFileSync(file(CHAIN_FILE), "{not json\n");
    expect(verifyChain(s.backend.historyDir).firstMismatch).toEqual({ line: 8, reason: "the line is not JSON" });
  });

  it("chainEntry depends on every input", () => {
    const base = chainEntry(GENESIS, "h", "c");
    expect(chainEntry(GENESIS, "h", "c")).toBe(base);
    expect(
      new Set([
        base,
        chainEntry("1".repeat(64), "h", "c"),
        chainEntry(GENESIS, "H", "c"),
        chainEntry(GENESIS, "h", "C"),
        chainEntry(GENESIS, "h", null),
      ]).size,
    ).toBe(5);
  });
});
