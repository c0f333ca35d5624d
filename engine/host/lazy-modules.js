// Preloaded (node --require) into the program and provider-host processes the engine starts, and required by
// bin/idlc.js, unless IDLC_LAZY_MODULES=off: a few modules that packages require at their top level and that these
// processes never use are answered with a stand-in that loads the real module the first time anything is asked of
// it.
// - Loading `@pulumi/pulumi` loads its closure serializer, whose modules require the TypeScript compiler (to parse
//   function text) and npm's arborist with normalize-package-data (to compute the code paths of a lambda's
//   packages): 450 of the SDK's ~770 modules and ~0.9 s CPU of its ~1.3 s load, in every process. The provider
//   host never serializes a function, idlc's program serializes none, and no dynamic provider computes code paths.
// - zod loads its 50 message locales (~20 ms a process) to export them as `z.locales`; its messages come from the
//   English one, which it requires on its own.
// The requiring file and how its compiled code reads the export (TypeScript's interop helpers) are part of each
// entry: a stand-in must look to that code exactly like the module would, without loading it.
"use strict";
const Module = require("node:module");
const path = require("node:path");

/**
 * Which requires are deferred: the package and its file that makes the require, the request, and how the compiled
 * code wraps the result: "plain" (`require(x).f`), "importStar" (`__importStar(require(x)).f`: the
 * stand-in says it is an ES module, so the helper hands it over instead of copying every export) or "importDefault"
 * (`__importDefault(require(x)).default(...)`: it says it is not, so the helper wraps it and calls it).
 */
const DEFERRED = [
  {
    pkg: "@pulumi/pulumi",
    from: "runtime/closure/parseFunction.js",
    request: "../../typescript-shim",
    interop: "plain",
  },
  { pkg: "@pulumi/pulumi", from: "runtime/closure/codePaths.js", request: "@npmcli/arborist", interop: "importStar" },
  {
    pkg: "@pulumi/pulumi",
    from: "runtime/closure/codePaths.js",
    request: "normalize-package-data",
    interop: "importDefault",
  },
  { pkg: "zod", from: "v4/core/index.cjs", request: "../locales/index.cjs", interop: "importStar" },
  { pkg: "zod", from: "v4/classic/external.cjs", request: "../locales/index.cjs", interop: "importStar" },
];

/** The entry deferring `request` made by `parentFile`, if any. */
function deferredEntry(request, parentFile) {
  if (typeof parentFile !== "string") return undefined;
  const file = parentFile.split(path.sep).join("/");
  return DEFERRED.find((d) => d.request === request && file.endsWith(`/node_modules/${d.pkg}/${d.from}`));
}

/** A stand-in for a module: every operation on it loads the module once and acts on the real exports. */
function standIn(load, interop) {
  let real;
  const target = () => (real === undefined ? (real = load()) : real);
  // A function target, so that a module exporting a function can be called and constructed through it; a bound one,
  // which has no `prototype`: a proxy must report every non-configurable own key of its target, so with a plain
  // function listing the real module's keys (Object.keys, a spread) would throw.
  return new Proxy(function deferredModule() {}.bind(null), {
    get: (_, key) =>
      key === "__esModule" && interop !== "plain" ? interop === "importStar" : Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may not report a property as non-configurable unless its own target has it so.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    apply: (_, self, args) => Reflect.apply(target(), self, args),
    construct: (_, args) => Reflect.construct(target(), args),
  });
}

if (process.env.IDLC_LAZY_MODULES !== "off") {
  const load = Module._load;
  Module._load = function loadDeferringModules(request, parent, isMain) {
    const entry = deferredEntry(request, parent && parent.filename);
    if (!entry) return Reflect.apply(load, this, arguments);
    return standIn(() => Reflect.apply(load, Module, [request, parent, isMain]), entry.interop);
  };
}

module.exports = { DEFERRED };
