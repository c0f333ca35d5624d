/**
 * Tamper evidence for a stack's history: `<historyDir>/chain.jsonl` holds one line per update with the sha256 of
 * its history entry and checkpoint copy, the previous line's hash and its own hash over all of that. Editing,
 * removing or reordering any chained file breaks every hash from there on; publishing the last hash (CI log, git
 * tag) also pins the chain's end. Only node built-ins here: the engine calls `appendToChain` after each update.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";

export const CHAIN_FILE = "chain.jsonl";
/** The previous hash of the first entry. */
export const GENESIS = "0".repeat(64);

export interface ChainLine {
  v: 1;
  history: string;
  historySha256: string;
  /** Null when the update left no checkpoint copy. */
  checkpoint: string | null;
  checkpointSha256: string | null;
  previous: string;
  hash: string;
}

export const sha256 = (bytes: string | Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** sha256 of a file read as a stream: a checkpoint copy can be ~90 MB, which need not be in memory at once. */
async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The hash of one chain entry: sha256 over a version tag, the previous hash and the two files' sha256 (`-` for a
 * missing checkpoint), newline-separated so no two different inputs give the same text.
 */
export function chainEntry(
  previousHash: string,
  historyBytes: string | Uint8Array,
  checkpointBytes: string | Uint8Array | null,
): string {
  return hashOf(previousHash, sha256(historyBytes), checkpointBytes === null ? null : sha256(checkpointBytes));
}

export function hashOf(previousHash: string, historySha256: string, checkpointSha256: string | null): string {
  return sha256(["idlc-chain-v1", previousHash, historySha256, checkpointSha256 ?? "-"].join("\n"));
}

/**
 * Appends the update written as `historyFile` (and `checkpointFile`, by default the `.checkpoint.json` of the same
 * prefix) to `<historyDir>/chain.jsonl`. Call it once per update, after both files are written, under the stack lock.
 * @returns the new line.
 */
export async function appendToChain(
  historyDir: string,
  historyFile: string,
  checkpointFile?: string,
): Promise<ChainLine> {
  const historyPath = path.resolve(historyDir, historyFile);
  const checkpointPath = path.resolve(
    historyDir,
    checkpointFile ?? historyPath.replace(/\.history\.json(\.gz|\.zst)?$/, ".checkpoint.json$1"),
  );
  const chainPath = path.join(historyDir, CHAIN_FILE);
  const lines = existsSync(chainPath)
    ? (await readFile(chainPath, "utf8")).split("\n").filter((l) => l.trim() !== "")
    : [];
  const previous = lines.length ? (JSON.parse(lines[lines.length - 1]!) as ChainLine).hash : GENESIS;
  const historySha256 = await sha256OfFile(historyPath);
  const checkpointSha256 = existsSync(checkpointPath) ? await sha256OfFile(checkpointPath) : null;
  const line: ChainLine = {
    v: 1,
    history: path.basename(historyPath),
    historySha256,
    checkpoint: checkpointSha256 === null ? null : path.basename(checkpointPath),
    checkpointSha256,
    previous,
    hash: hashOf(previous, historySha256, checkpointSha256),
  };
  await appendFile(chainPath, `${JSON.stringify(line)}\n`);
  return line;
}
