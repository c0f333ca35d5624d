// Preloaded into the program process (node --require). Node 20's util.inspect loops forever, growing memory, when it
// colours an error whose stack has a frame ending in `node_modules/<file>` or `node_modules/@scope/<file>` (nodejs/node
// #64011, fixed upstream in #64022, not in the Node 20 we run). The SDK's source maps produce exactly such frames
// (`…/node_modules/@pulumi/resource.ts:1598:22`), and cmd/run inspects every uncaught program error with colours:
// a program that throws while declaring resources hung instead of failing. Errors with such a frame (or a cause
// with one) are inspected without colours; everything else goes to util.inspect unchanged.
"use strict";
const util = require("util");

const inspect = util.inspect;
const HANGING_FRAME = /node_modules[\\/](?:@[^\\/\n]+[\\/])?[^\\/\n]*$/m;

function wouldHang(value) {
  for (let error = value, depth = 0; error instanceof Error && depth < 10; error = error.cause, depth++) {
    if (typeof error.stack === "string" && HANGING_FRAME.test(error.stack)) return true;
  }
  return false;
}

function safeInspect(value, options, ...legacy) {
  if (!wouldHang(value)) return inspect.call(this, value, options, ...legacy);
  // util.inspect(value, options) or the legacy util.inspect(value, showHidden, depth, colors).
  return options !== null && typeof options === "object"
    ? inspect(value, { ...options, colors: false })
    : inspect(value, options, legacy[0], false);
}

// util.inspect.custom, .defaultOptions, .colors and .styles stay reachable through the wrapper.
for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(inspect))) {
  if (!["length", "name", "prototype"].includes(key)) Object.defineProperty(safeInspect, key, descriptor);
}
util.inspect = safeInspect;
