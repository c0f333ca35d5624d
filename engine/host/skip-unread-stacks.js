// Preloaded into the program process (node --require) unless PULUMI_DEBUG_PROMISE_LEAKS is set. The SDK's
// debuggablePromise formats `new Error().stack` for every promise it creates (about a dozen per resource), and the
// source-map-support formatter that cmd/run installs makes each one cost ~100 µs; the string is kept as long as the
// resource and is read only to print leaked promises when PULUMI_DEBUG_PROMISE_LEAKS is set. Formatting them was a
// third of the program's CPU and ~8 KB of heap per resource in a 20,000-resource preview. This answers those stack
// requests with one constant string and hands every other one to whatever formatter is installed, unchanged.
"use strict";

const SKIPPED = "    (stack not kept: set PULUMI_DEBUG_PROMISE_LEAKS=1 to keep promise stacks)";

/** Errors built inside the SDK's debuggablePromise have it as their top frame. */
function fromDebuggablePromise(frames) {
  const top = Array.isArray(frames) ? frames[0] : undefined;
  if (!top || typeof top.getFunctionName !== "function") return false;
  return (
    top.getFunctionName() === "debuggablePromise" && /[\\/]runtime[\\/]debuggable\.js$/.test(top.getFileName() ?? "")
  );
}

// Code saves Error.prepareStackTrace, sets its own, and restores the saved one (source-map-support installs itself
// this way, the SDK's callsites helpers read raw frames the same way). The property therefore hands out one wrapper
// per installed formatter and maps a wrapper written back to the formatter it wraps.
const wrappers = new WeakMap();
const wrapped = new WeakMap();
let installed = Error.prepareStackTrace;

function wrapperFor(formatter) {
  if (typeof formatter !== "function") return formatter;
  let wrapper = wrappers.get(formatter);
  if (!wrapper) {
    wrapper = (error, frames) => (fromDebuggablePromise(frames) ? SKIPPED : formatter(error, frames));
    wrappers.set(formatter, wrapper);
    wrapped.set(wrapper, formatter);
  }
  return wrapper;
}

if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
  Object.defineProperty(Error, "prepareStackTrace", {
    configurable: true,
    enumerable: false,
    get: () => wrapperFor(installed),
    set: (formatter) => {
      installed = wrapped.get(formatter) ?? formatter;
    },
  });
}
