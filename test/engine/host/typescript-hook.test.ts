import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchProjects } from "../../support/scratch-projects";

const HOOK = path.join(__dirname, "../../../engine/host/typescript-hook.js");
const COMPILE_CACHE = path.join(__dirname, "../../../engine/host/compile-cache.js");
/** A fresh project folder with the given files, and a cache folder of its own. */
const project = scratchProjects("idlc-typescript-hook-test-");

/**
 * `node --require typescript-hook.js entry.ts` in `dir`, with its own cache folder; `withCompileCache` preloads the
 * V8 compile cache first, as bin/idlc.js and the engine's program and provider host do.
 */
function run(dir: string, cache: string, env: NodeJS.ProcessEnv = {}, withCompileCache = false) {
  const preloads = withCompileCache ? ["--require", COMPILE_CACHE, "--require", HOOK] : ["--require", HOOK];
  const r = spawnSync(process.execPath, [...preloads, "entry.ts"], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      IDLC_TYPESCRIPT_CACHE_DIR: cache,
      IDLC_TYPESCRIPT_CACHE: "",
      IDLC_COMPILE_CACHE_DIR: path.join(cache, "..", "compile-cache"),
      IDLC_COMPILE_CACHE: "",
      ...env,
    },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const entries = (cache: string): string[] => {
  try {
    return readdirSync(cache).flatMap((folder) => readdirSync(path.join(cache, folder)));
  } catch {
    return [];
  }
};

// What a program's TypeScript uses: types, enums, `export =`, `import x = require`, a folder's index.ts, and a
// request written `./x.js` (TypeScript's node16 style) for `./x.ts`; plus a stack trace through a .ts file and a
// .js file whose source map claims another source.
const FILES = {
  "tsconfig.json": '{ "compilerOptions": { "target": "ES2022", "strict": true } // comments are allowed\n}\n',
  "entry.ts": `
    import { Colour, describe } from "./lib";
    import shout = require("./shout");
    import { twice } from "./twice.js";
    import type { Unused } from "./lib";
    const plain = require("./plain");
    const stack = (() => { try { require("./lib/throws").boom(); } catch (e) { return (e as Error).stack!; } })();
    console.log(JSON.stringify({
      describe: describe(Colour.Green), shout: shout("hi"), twice: twice(21), plain: plain.where(),
      stack: stack.split("\\n").slice(1, 3).map((l) => l.trim().replace(/\\(.*[\\\\/]/, "(")),
    }));
  `,
  "lib/index.ts": `
    export enum Colour { Red, Green }
    export type Unused = { never: true };
    export function describe(c: Colour): string { return \`colour \${Colour[c]}\`; }
  `,
  "lib/throws.ts": `
    interface Padding { a: number }

    export function boom(): never {
      throw new Error("boom");
    }
  `,
  "shout.ts": "export = (s: string): string => s.toUpperCase();\n",
  "twice.ts": "export const twice = (n: number): number => n * 2;\n",
  // (The comment is built in two pieces so that vitest does not take it for this test file's own source map.)
  "plain.js": `exports.where = () => new Error("x").stack.split("\\n")[1].trim().replace(/\\(.*[\\\\/]/, "(");
//# sourceMapping${"URL"}=data:application/json;base64,${Buffer.from(
    JSON.stringify({ version: 3, sources: ["elsewhere.ts"], names: [], mappings: "AAAA,SAAS" }),
  ).toString("base64")}
`,
};

describe("typescript hook", () => {
  it.each([
    ["alone", false],
    ["after the compile cache", true],
  ])(
    "%s, runs a TypeScript program's modules, with stack traces at their TypeScript lines, from a cold and a warm cache",
    (_, withCompileCache) => {
      const { dir, cache } = project(FILES);
      const cold = run(dir, cache, {}, withCompileCache);
      expect(cold.stderr).toBe("");
      const written = entries(cache);
      const warm = run(dir, cache, {}, withCompileCache);
      expect(JSON.parse(warm.stdout)).toEqual(JSON.parse(cold.stdout));
      expect(JSON.parse(cold.stdout)).toEqual({
        describe: "colour Green",
        shout: "HI",
        twice: 42,
        // A .js file is Node's alone: no transform, and its own source map is not read.
        plain: "at exports.where (plain.js:1:23)",
        stack: ["at Object.boom (throws.ts:5:13)", expect.stringMatching(/^at .*entry\.ts:7:/)],
      });
      // One entry per TypeScript module (entry, lib/index, shout, twice, lib/throws); the warm run wrote none.
      expect(written).toHaveLength(5);
      expect(entries(cache)).toEqual(written);
    },
  );

  it("an edited file is transformed again; the cache can be switched off", () => {
    const { dir, cache } = project(FILES);
    run(dir, cache);
    writeFileSync(path.join(dir, "twice.ts"), "export const twice = (n: number): number => n * 3;\n");
    expect(JSON.parse(run(dir, cache).stdout).twice).toBe(63);
    expect(entries(cache)).toHaveLength(6);
    const off = project(FILES);
    expect(JSON.parse(run(off.dir, off.cache, { IDLC_TYPESCRIPT_CACHE: "off" }).stdout).twice).toBe(42);
    expect(entries(off.cache)).toHaveLength(0);
  });

  it("a missing module and a TypeScript syntax error fail with the file named", () => {
    const missing = project({ "entry.ts": 'import "./nowhere.js";\n' });
    const gone = run(missing.dir, missing.cache);
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toContain("Cannot find module './nowhere.js'");
    const broken = project({ "entry.ts": "const x: = 1;\n" });
    const bad = run(broken.dir, broken.cache);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("entry.ts:1:");
  });
});
