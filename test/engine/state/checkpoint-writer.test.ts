/**
 * The checkpoint is written resource by resource (engine/state/checkpoint/json-chunks.ts, backend/files.ts): the
 * bytes on disk must be exactly what `JSON.stringify` of the whole envelope gave before, and history, backups and
 * the hash chain must see those same bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openBackend, serializeCheckpoint, sha256, type DeploymentV3 } from "../../../engine/state";
import { writeChunksAtomic } from "../../../engine/state/backend/files";
import { checkpointChunks } from "../../../engine/state/checkpoint/checkpoint";
import { jsonChunks } from "../../../engine/state/checkpoint/json-chunks";
import { account, finishOptions, providerResource, SECRETS, stackResource, tempProject } from "./fixtures/resources";
import { validateEveryWrittenCheckpoint } from "./fixtures/validate-all";

validateEveryWrittenCheckpoint();

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

// Everything JSON.stringify treats specially, at every walked depth.
const awkward = {
  str: 'quote " backslash \\ newline \n tab \t nul \u0000 é 😀 lone \ud800 end',
  'key "with" \\ and \n': 1,
  num: [0, -0, 1.5e300, NaN, Infinity, -Infinity],
  missing: undefined,
  fn: () => 1,
  sym: Symbol("s"),
  list: [undefined, () => 1, Symbol("t"), null, true, false, "", [], {}],
  sparse: [1, , 3],
  date: new Date(Date.UTC(2026, 11, 2)),
  own: { toJSON: (key: string) => `toJSON of ${key}` },
  owned: [{ toJSON: (key: string) => ({ key, date: new Date(0) }) }, { toJSON: () => undefined }],
  replaced: { toJSON: () => new Date(0) },
  boxed: [new String("s"), new Number(2), new Boolean(false)],
  instance: new Point(1, 2),
  bare: Object.assign(Object.create(null) as object, { a: [1, { b: undefined }] }),
  nested: { a: { b: { c: { d: [{ e: [undefined] }] } } } },
};

describe("jsonChunks", () => {
  it.each([1, 2, 3, 4, 8])("joins to JSON.stringify's text when walking %i level(s)", (depth) => {
    for (const value of [awkward, [awkward, awkward.list, awkward.nested], {}, [], { only: undefined }]) {
      expect([...jsonChunks(value, depth)].join("")).toBe(JSON.stringify(value));
    }
  });

  it("yields each member below the walked levels as one piece", () => {
    const members = [{ a: 1 }, { b: [2] }];
    expect([...jsonChunks({ list: members }, 2)]).toEqual(["{", '"list":', "[", '{"a":1}', ',{"b":[2]}', "]", "}"]);
  });
});

function deployment(resources = 3): DeploymentV3 {
  return {
    manifest: { time: "2026-12-02T17:00:00.000Z", magic: "m", version: "v" },
    secrets_providers: SECRETS,
    resources: [
      stackResource(),
      providerResource(),
      ...Array.from({ length: resources }, (_, i) => ({
        ...account(`a${i}`, `title ${i} ✓`),
        taint: true,
        inputs: { title: `t${i}`, missing: undefined, nested: { list: [undefined, 1] } },
      })),
    ],
    pending_operations: [{ type: "creating", resource: account("p") }],
    metadata: { integrity_error: "none" },
  } as DeploymentV3;
}

describe("checkpointChunks", () => {
  it.each([
    ["v3", []],
    ["v4 with features", ["x"]],
  ])("joins to serializeCheckpoint's text (%s)", (_name, features) => {
    for (const d of [deployment(), deployment(0), { manifest: deployment().manifest }]) {
      expect([...checkpointChunks("organization/p/dev", d, features)].join("")).toBe(
        serializeCheckpoint("organization/p/dev", d, features),
      );
    }
  });
});

describe("writeChunksAtomic", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "idlc-chunks-"));

  it("writes the UTF-8 bytes of the joined pieces across many ~1 MB writes", async () => {
    const file = join(dir(), "out.json");
    // Multi-byte characters straddle every write boundary: 3 bytes each, pieces of odd lengths.
    const pieces = Array.from({ length: 3000 }, (_, i) => `${"€".repeat(700 + (i % 7))}😀${i}`);
    await writeChunksAtomic(file, pieces);
    expect(readFileSync(file).equals(Buffer.from(pieces.join("")))).toBe(true);
  });

  it("leaves the old file and no temporary file when a piece throws", async () => {
    const d = dir();
    const file = join(d, "out.json");
    writeFileSync(file, "old");
    function* failing() {
      yield "x".repeat(2 << 20);
      throw new Error("a BigInt in state");
    }
    await expect(writeChunksAtomic(file, failing())).rejects.toThrow("a BigInt in state");
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(d)).toEqual(["out.json"]);
  });
});

describe("an update's files", () => {
  it("are the current serializer's bytes, copied unchanged to history and backups, and chained by their hash", async () => {
    const project = tempProject();
    const backend = openBackend({ project, env: {} });
    const journal = backend.startUpdate("dev", { kind: "update", secretsProviders: SECRETS });
    for (const r of [stackResource(), providerResource()]) journal.upsert(r);
    for (let i = 0; i < 50; i++) journal.upsert(account(`a${i}`, `title ${i} ✓ 😀`));
    const written = await journal.finish(finishOptions("succeeded", { create: 52 }));

    const root = join(project.dir, ".pulumi");
    const bytes = readFileSync(join(root, "stacks", "p", "dev.json"));
    expect(bytes.toString("utf8")).toBe(serializeCheckpoint("organization/p/dev", written));
    const historyDir = join(root, "history", "p", "dev");
    const copy = readdirSync(historyDir).find((f) => f.endsWith(".checkpoint.json"))!;
    expect(readFileSync(join(historyDir, copy)).equals(bytes)).toBe(true);
    const [backup] = readdirSync(join(root, "backups", "p", "dev"));
    expect(readFileSync(join(root, "backups", "p", "dev", backup!)).equals(bytes)).toBe(true);
    const chain = JSON.parse(readFileSync(join(historyDir, "chain.jsonl"), "utf8").trim());
    expect(chain).toMatchObject({ checkpoint: copy, checkpointSha256: sha256(bytes) });
    expect(existsSync(join(root, "stacks", "p", "dev.journal.jsonl"))).toBe(false);
  });
});
