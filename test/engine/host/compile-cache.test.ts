import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchProjects } from "../../support/scratch-projects";

const PRELOAD = path.join(__dirname, "../../../engine/host/compile-cache.js");
/** A fresh project folder with the given files, and a cache folder of its own. */
const project = scratchProjects("idlc-compile-cache-test-");

/** Runs `node [--require compile-cache.js] entry.js` in `dir`; stdout, stderr and exit code. */
function run(dir: string, cache: string, withCache = true, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, ...(withCache ? ["--require", PRELOAD] : []), "entry.js"], {
    cwd: dir,
    env: { ...process.env, IDLC_COMPILE_CACHE_DIR: cache, IDLC_COMPILE_CACHE: "", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** The cache entries written, with their modification times. */
function entries(cache: string): Map<string, number> {
  const found = new Map<string, number>();
  let folders: string[] = [];
  try {
    folders = readdirSync(cache);
  } catch {
    return found;
  }
  for (const folder of folders)
    for (const file of readdirSync(path.join(cache, folder)))
      found.set(`${folder}/${file}`, statSync(path.join(cache, folder, file)).mtimeMs);
  return found;
}

// What a module sees of its loader: everything Node's own `_compile` hands it.
const PROBE = `
  const lib = require("./lib/value");
  const resolved = require.resolve("./lib/value");
  module.exports = {
    value: lib.value,
    doubled: lib.double(21),
    thisIsExports: lib.thisIsExports,
    filename: path(lib.filename),
    dirname: path(lib.dirname),
    resolved: path(resolved),
    paths: Array.isArray(require.resolve.paths("x")) && require.resolve.paths("x")[0] === __dirname + "/node_modules",
    main: require.main === module,
    cached: require.cache[resolved].exports === lib,
    extensions: require.extensions === require("node:module")._extensions,
    parent: require.cache[resolved].parent === module,
    child: module.children.some((c) => c.exports === lib),
    resolveError: (() => { try { require.resolve(42); } catch (e) { return e.code; } })(),
  };
  function path(p) { return p.replace(__dirname, "<dir>").replace(process.cwd(), "<dir>"); }
`;
const FILES = {
  "entry.js": `
    const out = require("./probe");
    import("./lib/esm.mjs").then((m) => {
      out.dynamicImport = m.answer;
      out.stackLine = require("./lib/throws").line();
      console.log(JSON.stringify(out));
    });
  `,
  "probe.js": PROBE,
  "lib/value.js": `
    exports.value = "first";
    exports.double = (n) => n * 2;
    exports.thisIsExports = this === module.exports;
    exports.filename = __filename;
    exports.dirname = __dirname;
  `,
  "lib/esm.mjs": "export const answer = 42;\n",
  "lib/throws.js":
    "\n\nexports.line = () => new Error('x').stack.split('\\n')[1].replace(/.*throws\\.js/, 'throws.js');\n",
};

describe("compile cache preload", () => {
  it("a module loads and behaves as without it, from an empty cache and from a full one", () => {
    const { dir, cache } = project(FILES);
    const plain = run(dir, cache, false);
    expect(plain.stderr).toBe("");
    expect(entries(cache).size).toBe(0);
    const cold = run(dir, cache);
    const written = entries(cache);
    const warm = run(dir, cache);
    expect(cold.stderr).toBe("");
    expect(JSON.parse(cold.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(warm.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(plain.stdout)).toMatchObject({
      value: "first",
      doubled: 42,
      thisIsExports: true,
      filename: "<dir>/lib/value.js",
      dirname: "<dir>/lib",
      resolved: "<dir>/lib/value.js",
      paths: true,
      main: false,
      cached: true,
      extensions: true,
      parent: true,
      child: true,
      resolveError: "ERR_INVALID_ARG_TYPE",
      dynamicImport: 42,
      stackLine: "throws.js:3:22)",
    });
    // One entry per module but the entry point (probe, value, throws); the warm run accepted them all, so it
    // rewrote none (V8 rejecting an entry makes the preload write it again).
    expect(written.size).toBe(3);
    expect(entries(cache)).toEqual(written);
  });

  it("a changed source never meets the old entry, even at the same length", () => {
    const { dir, cache } = project(FILES);
    expect(JSON.parse(run(dir, cache).stdout).value).toBe("first");
    writeFileSync(path.join(dir, "lib/value.js"), FILES["lib/value.js"].replace('"first"', '"other"'));
    expect(JSON.parse(run(dir, cache).stdout).value).toBe("other");
    expect(entries(cache).size).toBe(4);
  });

  it("an entry V8 rejects (another V8, other flags, damaged) is ignored and written again", () => {
    const { dir, cache } = project(FILES);
    run(dir, cache);
    const before = entries(cache);
    for (const entry of before.keys()) writeFileSync(path.join(cache, entry), Buffer.alloc(64, 7));
    const damaged = run(dir, cache);
    expect(damaged.stderr).toBe("");
    expect(JSON.parse(damaged.stdout).value).toBe("first");
    for (const [entry] of before) expect(statSync(path.join(cache, entry)).size).toBeGreaterThan(64);
  });

  it("processes started with other V8 flags keep their own entries instead of rewriting each other's", () => {
    // The engine starts the program with --max-old-space-size and the provider host without: V8 rejects code cache
    // made under other flags, so one shared entry per module was rejected and rewritten by each on every run.
    const { dir, cache } = project(FILES);
    const heap = ["--max-old-space-size=256"];
    run(dir, cache);
    run(dir, cache, true, {}, heap);
    const written = entries(cache);
    expect(written.size).toBe(6);
    expect(JSON.parse(run(dir, cache).stdout).value).toBe("first");
    expect(JSON.parse(run(dir, cache, true, {}, heap).stdout).value).toBe("first");
    expect(entries(cache)).toEqual(written);
  });

  it("a syntax error and ES module syntax in a .js file are reported and loaded as Node does", () => {
    const broken = project({ "entry.js": "require('./bad');", "bad.js": "\nconst = 1;\n" });
    const withCache = run(broken.dir, broken.cache);
    const without = run(broken.dir, broken.cache, false);
    expect(withCache.status).toBe(without.status);
    expect(withCache.stderr.split("\n").slice(0, 5)).toEqual(without.stderr.split("\n").slice(0, 5));
    expect(withCache.stderr).toContain("SyntaxError");
  });

  it("is not used when switched off, or when its folder is writable by others", () => {
    const off = project(FILES);
    expect(JSON.parse(run(off.dir, off.cache, true, { IDLC_COMPILE_CACHE: "off" }).stdout).value).toBe("first");
    expect(entries(off.cache).size).toBe(0);
    const shared = project(FILES);
    mkdirSync(shared.cache);
    chmodSync(shared.cache, 0o777);
    expect(JSON.parse(run(shared.dir, shared.cache).stdout).value).toBe("first");
    expect(entries(shared.cache).size).toBe(0);
  });
});
