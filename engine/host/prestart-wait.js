// Preloaded last into a program process started ahead of its run (prestart.ts): loads what every run of the
// program loads first — the SDK as `cmd/run` and the program will require it — then waits for the run's arguments
// and environment on stdin and puts them in place before Node runs the main module (`cmd/run`), which reads them.
// Warming fails quietly: the run then loads (and reports) the same modules itself. Stdin closed without them: the
// engine did not use this process, which exits non-zero, so that a process taken but somehow not handed its run can
// never pass for a program that declared nothing.
"use strict";
const fs = require("node:fs");

/** Stdin to its end. The engine's end of the pipe may leave it non-blocking: wait and read again. */
function readToEnd() {
  const chunks = [];
  const buffer = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let read;
    try {
      read = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code !== "EAGAIN") return "";
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (read === 0) return Buffer.concat(chunks).toString("utf8");
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
}

if (process.env.IDLC_PROGRAM_PRESTART === "waiting") {
  // Not `cmd/run/run`: it requires `cmd/run` itself, which runs the program at once. Its tracing instrumentation
  // first, as cmd/run loads it: it patches grpc-js as grpc-js loads (when TRACEPARENT is set; the engine's own).
  // Not the TypeScript compiler the SDK's closure serializer parses with: idlc's resources give their provider's
  // text (provider/apps/shared/project-provider.ts), so a run serializes nothing; 9 MB compiled for nothing would
  // delay the hand-over, both cores being busy until then.
  const requests = ["@pulumi/pulumi/cmd/run/instrumentation", "@pulumi/pulumi"];
  for (const request of requests) {
    try {
      require(require.resolve(request, { paths: [process.cwd()] }));
    } catch {
      // loaded again, and reported, by the run itself
    }
  }
  const text = readToEnd();
  if (!text.trim()) process.exit(1);
  const { argv, env } = JSON.parse(text);
  process.argv.splice(2, process.argv.length - 2, ...argv);
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}
