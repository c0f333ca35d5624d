// Preloaded into the program process (node --require) the engine starts. The SDK formats two kinds of stack trace
// that nobody reads under this engine, each through the source-map-support formatter cmd/run installs (~100 µs a
// stack, more for a deep one):
// - debuggablePromise formats `new Error().stack` for every promise it creates (about a dozen per resource); the
//   string is kept as long as the resource and read only to print leaked promises when PULUMI_DEBUG_PROMISE_LEAKS
//   is set, so it is kept then. Formatting them was a third of the program's CPU and ~8 KB of heap per resource in a
//   20,000-resource preview.
// - Every resource's constructor formats the whole stack (`Resource.callsites`, Error.stackTraceLimit lifted) to send
//   its source position and stack trace with the registration. The Pulumi CLI shows them; this engine drops both
//   fields unread (engine/monitor/registration.ts), so the frames are answered empty and the registration carries
//   neither. Under the Pulumi CLI nothing is preloaded and they are sent as before.
// Those requests get a constant string; every other one goes to whatever formatter is installed, unchanged.
"use strict";

const SKIPPED_PROMISE = "    (stack not kept: set PULUMI_DEBUG_PROMISE_LEAKS=1 to keep promise stacks)";
/** An error with no frames: `Resource.callsites` parses every line after the first, and finds none. */
const NO_FRAMES = "Error";

/** Whether the error was built in `functionName` of an SDK file whose path ends as `file` says. */
const builtIn = (functionName, file) => (frames) => {
  const top = Array.isArray(frames) ? frames[0] : undefined;
  if (!top || typeof top.getFunctionName !== "function") return false;
  return top.getFunctionName() === functionName && file.test(top.getFileName() ?? "");
};

/** Which stacks are answered with what. */
const SKIPPED = [
  ...(process.env.PULUMI_DEBUG_PROMISE_LEAKS
    ? []
    : [{ from: builtIn("debuggablePromise", /[\\/]runtime[\\/]debuggable\.js$/), answer: SKIPPED_PROMISE }]),
  { from: builtIn("callsites", /[\\/]@pulumi[\\/]pulumi[\\/]resource\.js$/), answer: NO_FRAMES },
];

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
    wrapper = (error, frames) => SKIPPED.find((skip) => skip.from(frames))?.answer ?? formatter(error, frames);
    wrappers.set(formatter, wrapper);
    wrapped.set(wrapper, formatter);
  }
  return wrapper;
}

Object.defineProperty(Error, "prepareStackTrace", {
  configurable: true,
  enumerable: false,
  get: () => wrapperFor(installed),
  set: (formatter) => {
    installed = wrapped.get(formatter) ?? formatter;
  },
});
