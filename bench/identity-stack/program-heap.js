// What the Pulumi program keeps alive once it has declared every resource: preloaded through NODE_OPTIONS into every
// process of a measured run, it acts only in the program (the SDK's `cmd/run`, or the floor's `run-with-mocks`).
// When the program's work is done (`beforeExit`: every registration answered), it forces a full GC and appends
// `{"role","heapUsed"}` to $IDLC_PROGRAM_HEAP_FILE; with $IDLC_PROGRAM_HEAP_SNAPSHOT set it also writes a heap
// snapshot there (for `--heap-prof`-style digging by constructor, see docs/BENCHMARKS.md).
"use strict";
const role = process.argv.some((a) => /[\\/]cmd[\\/]run([\\/]|$)/.test(a))
  ? "program"
  : process.argv.some((a) => a.endsWith("run-with-mocks.js"))
    ? "sdk floor"
    : undefined;
const file = process.env.IDLC_PROGRAM_HEAP_FILE;
if (role && file) {
  const v8 = require("node:v8");
  const { appendFileSync } = require("node:fs");
  v8.setFlagsFromString("--expose-gc");
  const gc = require("node:vm").runInNewContext("gc");
  process.once("beforeExit", () => {
    gc();
    appendFileSync(file, `${JSON.stringify({ role, heapUsed: process.memoryUsage().heapUsed })}\n`);
    const snapshot = process.env.IDLC_PROGRAM_HEAP_SNAPSHOT;
    if (snapshot && role === "program") v8.writeHeapSnapshot(snapshot);
  });
}
