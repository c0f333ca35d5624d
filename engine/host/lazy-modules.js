// Preloaded (node --require) into the program and provider-host processes the engine starts, unless
// IDLC_LAZY_SDK_MODULES=off. Loading `@pulumi/pulumi` loads its closure serializer, whose modules require the
// TypeScript compiler (to parse function text) and npm's arborist with normalize-package-data (to compute the
// code paths of a lambda's packages) at their top level: 450 of the SDK's ~770 modules and ~0.9 s CPU of its
// ~1.3 s load, in every process. The provider host never serializes a function and no dynamic provider computes
// code paths, so these three requires are answered with a stand-in that loads the real module the first time
// anything is asked of it; the program still loads TypeScript, at its first serialization. The requiring file
// and how its compiled code reads the export (TypeScript's interop helpers) are part of each entry: a stand-in
// must look to that code exactly like the module would, without loading it.
"use strict";
const Module = require("node:module");
const path = require("node:path");

/**
 * Which requires are deferred: the SDK file (below `@pulumi/pulumi/`) that makes the require, the request, and how
 * the compiled code wraps the result: "plain" (`require(x).f`), "importStar" (`__importStar(require(x)).f`: the
 * stand-in says it is an ES module, so the helper hands it over instead of copying every export) or "importDefault"
 * (`__importDefault(require(x)).default(...)`: it says it is not, so the helper wraps it and calls it).
 */
const DEFERRED = [
  { from: "runtime/closure/parseFunction.js", request: "../../typescript-shim", interop: "plain" },
  { from: "runtime/closure/codePaths.js", request: "@npmcli/arborist", interop: "importStar" },
  { from: "runtime/closure/codePaths.js", request: "normalize-package-data", interop: "importDefault" },
];

/** The entry deferring `request` made by `parentFile`, if any. */
function deferredEntry(request, parentFile) {
  if (typeof parentFile !== "string") return undefined;
  const file = parentFile.split(path.sep).join("/");
  return DEFERRED.find((d) => d.request === request && file.endsWith(`/node_modules/@pulumi/pulumi/${d.from}`));
}

/** A stand-in for a module: every operation on it loads the module once and acts on the real exports. */
function standIn(load, interop) {
  let real;
  const target = () => (real === undefined ? (real = load()) : real);
  // A function target, so that a module exporting a function can be called and constructed through it.
  return new Proxy(function deferredModule() {}, {
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

if (process.env.IDLC_LAZY_SDK_MODULES !== "off") {
  const load = Module._load;
  Module._load = function loadDeferringSdkModules(request, parent, isMain) {
    const entry = deferredEntry(request, parent && parent.filename);
    if (!entry) return Reflect.apply(load, this, arguments);
    return standIn(() => Reflect.apply(load, Module, [request, parent, isMain]), entry.interop);
  };
}

module.exports = { DEFERRED };
