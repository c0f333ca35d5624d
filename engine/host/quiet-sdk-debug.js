// Preloaded into the program process (node --require) unless the engine runs with --debug. The SDK sends three
// debug-level Engine.Log RPCs per resource, serialized on one promise chain; the engine drops severity 0 by default
// (reference §15.9), so they only cost the program time: about 40% of a no-op preview. This turns them off at the
// source. The SDK copy is the program's own, resolved by the engine and passed in IDLC_SDK_LOG_MODULE.
"use strict";
const path = require("node:path");

const logModule = process.env.IDLC_SDK_LOG_MODULE;
if (logModule) {
  // The log module loads grpc-js, and cmd/run loads its tracing instrumentation before anything does: with
  // TRACEPARENT set it patches grpc-js as grpc-js loads. Keep that order (same SDK copy: log/ → cmd/run/).
  try {
    require(path.join(path.dirname(logModule), "..", "cmd", "run", "instrumentation.js"));
  } catch {
    // an SDK without it: nothing to keep in order
  }
  require(logModule).debug = () => Promise.resolve();
}
