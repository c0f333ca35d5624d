// Preloaded last into a program process started ahead of its run (prestart.ts): loads what every run of the
// program loads first — the SDK as `cmd/run` and the program will require it — then waits for the run's arguments
// and environment on stdin and puts them in place before Node runs the main module (`cmd/run`), which reads them.
// Warming fails quietly: the run then loads (and reports) the same modules itself. Stdin closed without them: the
// engine did not use this process, which exits non-zero, so that a process taken but somehow not handed its run can
// never pass for a program that declared nothing.
"use strict";
const fs = require("node:fs");

/**
 * The run's one line from stdin: up to its newline, without waiting for the engine to close the pipe (the close
 * reaches this process only once the engine's event loop turns again, and the engine has synchronous work to do
 * right after the hand-over). Whatever was read when stdin closed without a newline. The engine's end of the pipe
 * may leave it non-blocking: wait and read again.
 */
function readLine() {
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
    if (buffer.subarray(0, read).includes(0x0a)) {
      const text = Buffer.concat(chunks).toString("utf8");
      return text.slice(0, text.indexOf("\n"));
    }
  }
}

/**
 * `cmd/run` opens an inspector session and enables its debugger before it runs the program (the closure serializer
 * maps script ids to files from the debugger's events). Enabling makes V8 hash the source of every script loaded
 * so far, ~0.15 s after the SDK has loaded, and V8 keeps those hashes: enabled once here and disconnected, the
 * SDK's own enable after the hand-over costs ~10 ms. Done here it overlaps the engine's start-up, which since
 * session 16 ends about when this does (~0.5 s), so part of it may still delay the hand-over; after it, all of
 * it would. The SDK's session still hears of every script: a new session's enable reports all of them.
 */
function enableDebuggerOnce() {
  try {
    const session = new (require("node:inspector").Session)();
    session.connect();
    session.post("Debugger.enable");
    session.disconnect();
  } catch {
    // the SDK enables it itself, at the usual cost
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
  enableDebuggerOnce();
  const text = readLine();
  if (!text.trim()) process.exit(1);
  const { argv, env } = JSON.parse(text);
  process.argv.splice(2, process.argv.length - 2, ...argv);
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}
