// Preloaded (node --require, first) into the program and provider-host processes the engine starts, and required
// first by bin/idlc.js, unless IDLC_COMPILE_CACHE=off. Node 20 has no `module.enableCompileCache`: every run compiles the same ~1,300 CommonJS
// modules (the SDK, the TypeScript compiler its closure serializer parses with, grpc, the program's own modules as
// the TypeScript hook hands them over), which was a third of a small stack's preview CPU. This keeps V8's code cache of each module
// on disk and hands it back to V8 on the next run. Nothing else about loading changes: resolution, `require`, the
// module objects and the TypeScript transform are unchanged.
//
// A cache entry is named by a hash of the file name and the exact source text compiled, so an edited file (or a
// transform output that differs) never meets an old entry; V8 itself rejects data from another V8 version or made
// under other flags (`cachedDataRejected`), and the entry is then rewritten. The folder is named by the process's
// Node options too: the program runs with `--max-old-space-size` and the provider host without, and sharing one
// folder, each rejected and rewrote the other's ~500 entries on every run. It is private to the user
// (private-folder.js), since code cache is code.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");
const { privateFolder, writeAtomic } = require("./private-folder");

/** Node's arguments without its preloads, which do not change compiled code (a program started ahead has one more). */
function v8Flags(execArgv) {
  return execArgv.filter((arg, i) => !/^(--require|-r)(=|$)/.test(arg) && !/^(--require|-r)$/.test(execArgv[i - 1]));
}

/** The cache folder for this Node build and these Node options, or undefined when it cannot be made safe. */
function cacheFolder() {
  const root = process.env.IDLC_COMPILE_CACHE_DIR || path.join(os.tmpdir(), `idlc-compile-cache-${os.userInfo().uid}`);
  const options = crypto
    .createHash("sha256")
    .update(JSON.stringify([v8Flags(process.execArgv), process.env.NODE_OPTIONS ?? ""]))
    .digest("hex")
    .slice(0, 16);
  return privateFolder(root, `${process.version}-${process.arch}-${options}`);
}

/** The `require` Node gives a module (lib/internal/modules/helpers makeRequireFunction, without policy). */
function requireFor(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    if (typeof request !== "string") return Module.createRequire(mod.filename).resolve(request, options);
    return Module._resolveFilename(request, mod, false, options);
  }
  resolve.paths = function paths(request) {
    return Module._resolveLookupPaths(request, mod);
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function install(folder) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename, format) {
    // ES modules, the entry point (--inspect-brk pauses there) and anything unusual take Node's own path; so does
    // code carrying its source map while source maps are on (the TypeScript hook's output), since only Node's own
    // path registers the map, which keeps stack traces at the TypeScript lines.
    if (format === "module" || typeof content !== "string" || this.id === ".") return compile.apply(this, arguments);
    if (process.sourceMapsEnabled && content.includes("//# sourceMappingURL=")) return compile.apply(this, arguments);
    const key = crypto.createHash("sha256").update(filename).update("\0").update(content).digest("hex");
    const file = path.join(folder, key);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        // Columns on the first line as Node's own path reports them, not shifted by the wrapper's text.
        columnOffset: -Module.wrapper[0].length,
        cachedData,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // A syntax error, or ES module syntax in a .js file: Node's path reports or loads it as it always does.
      return compile.apply(this, arguments);
    }
    // Taken before the module runs: data taken after holds every function its top level compiled too, which
    // measured larger and slower to read back than compiling them again.
    if (cachedData === undefined || script.cachedDataRejected) writeAtomic(file, script.createCachedData());
    const wrapper = script.runInThisContext({ displayErrors: true });
    return Reflect.apply(wrapper, this.exports, [
      this.exports,
      requireFor(this),
      this,
      filename,
      path.dirname(filename),
    ]);
  };
}

if (process.env.IDLC_COMPILE_CACHE !== "off") {
  const folder = cacheFolder();
  if (folder) install(folder);
}
