import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const PRELOAD = path.join(__dirname, "../../../engine/host/lazy-modules.js");
const SDK = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const REPO = path.join(__dirname, "../../..");
const { DEFERRED } = require(PRELOAD) as {
  DEFERRED: Array<{ pkg: string; from: string; request: string; interop: "plain" | "importStar" | "importDefault" }>;
};
const scratch = mkdtempSync(path.join(tmpdir(), "idlc-lazy-modules-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `script` in a fresh node, with or without the preload; its JSON output. */
function inProcess(script: string, preload: boolean, cwd = scratch): Record<string, unknown> {
  const r = spawnSync(process.execPath, [...(preload ? ["--require", PRELOAD] : []), "-e", script], {
    cwd,
    // The serializer requires every builtin once (sys, wasi): their warnings are not this test's.
    env: { ...process.env, SDK, IDLC_LAZY_MODULES: "", NODE_NO_WARNINGS: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const LOADED = `
  const loaded = () => Object.keys(require.cache);
  const has = (name) => loaded().some((f) => f.includes("/node_modules/" + name + "/"));
  const pulumi = require(process.env.SDK);
`;

describe("SDK modules loaded on first use", () => {
  it("loading the SDK loads neither TypeScript nor arborist nor normalize-package-data; without the preload it does", () => {
    const script = `${LOADED}
      console.log(JSON.stringify({ modules: loaded().length, ts: has("typescript"), arborist: has("@npmcli/arborist"),
        npd: has("normalize-package-data") }));`;
    const lazy = inProcess(script, true);
    const eager = inProcess(script, false);
    expect(lazy).toMatchObject({ ts: false, arborist: false, npd: false });
    expect(eager).toMatchObject({ ts: true, arborist: true, npd: true });
    expect(lazy.modules as number).toBeLessThan((eager.modules as number) / 2);
  });

  it("a serialized function is the same text, and serializing loads TypeScript", () => {
    const script = `${LOADED}
      const os = require("node:os");
      const settings = { greeting: "hello", n: 3 };
      class Provider { async create(inputs) { return { id: os.hostname() + settings.greeting, outs: inputs }; } }
      const provider = new Provider();
      pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true }).then((s) =>
        console.log(JSON.stringify({ text: s.text, ts: has("typescript") })));`;
    const lazy = inProcess(script, true);
    const eager = inProcess(script, false);
    expect(lazy.text).toBe(eager.text);
    expect(lazy.text).toContain('var __settings = {greeting: "hello"};');
    expect(lazy.ts).toBe(true);
  });

  it("code paths (arborist, normalize-package-data) are computed as without the preload", () => {
    const dir = path.join(scratch, "project");
    const dep = path.join(dir, "node_modules", "dep-a");
    mkdirSync(dep, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "p", version: "1.0.0", dependencies: { "dep-a": "1.0.0" } }),
    );
    writeFileSync(path.join(dep, "package.json"), JSON.stringify({ name: "dep-a", version: "1.0.0", license: "MIT" }));
    writeFileSync(path.join(dep, "index.js"), "module.exports = 1;\n");
    const script = `${LOADED}
      pulumi.runtime.computeCodePaths().then((paths) =>
        console.log(JSON.stringify({ paths: [...paths.keys()].sort(), arborist: has("@npmcli/arborist") })));`;
    const lazy = inProcess(script, true, dir);
    const eager = inProcess(script, false, dir);
    expect(lazy.paths).toEqual(eager.paths);
    expect(lazy.paths).toEqual(["node_modules/dep-a"]);
    expect(lazy.arborist).toBe(true);
  });

  it("each deferred require is in its package, in the interop form its entry declares", () => {
    const form = {
      plain: "= require(",
      importStar: "= __importStar(require(",
      importDefault: "= __importDefault(require(",
    };
    for (const entry of DEFERRED) {
      const pkg = path.dirname(require.resolve(`${entry.pkg}/package.json`));
      const text = readFileSync(path.join(pkg, entry.from), "utf8");
      expect(text, `${entry.pkg}/${entry.from}: ${entry.request}`).toContain(
        `${form[entry.interop]}"${entry.request}")`,
      );
    }
  });
});

describe("zod's locales loaded on first use", () => {
  const ZOD = `
    const loaded = () => Object.keys(require.cache).filter((f) => f.includes("/zod/v4/locales/")).length;
    const { z } = require("zod");
    const before = loaded();
    const issue = z.object({ name: z.string().min(2) }).safeParse({ name: "x" }).error.issues[0];
    const english = loaded();
    z.config(z.locales.de());
    const german = z.string().safeParse(1).error.issues[0].message;
    z.config(z.locales.en());
    const keys = Object.keys(z.locales).sort();
    console.log(JSON.stringify({ before, message: issue.message, path: issue.path, english, german, keys, after: loaded() }));
  `;

  it("loading zod loads only its English messages; the same issues; another locale still loads when asked for", () => {
    const lazy = inProcess(ZOD, true, REPO);
    const eager = inProcess(ZOD, false, REPO);
    expect(lazy.before).toBe(1);
    expect(lazy.english).toBe(1);
    expect(eager.before as number).toBeGreaterThan(40);
    expect(lazy.message).toBe(eager.message);
    expect(lazy.path).toEqual(["name"]);
    expect(lazy.german).toBe(eager.german);
    expect(lazy.german).toMatch(/Ungültige Eingabe/);
    expect(lazy.after).toBe(eager.after);
    expect(lazy.keys).toEqual(eager.keys);
    expect(lazy.keys).toContain("de");
  });
});
