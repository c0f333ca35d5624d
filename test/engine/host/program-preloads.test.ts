import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const HOST = join(__dirname, "../../../engine/host");
const SDK = join(__dirname, "../../../node_modules/@pulumi/pulumi");

/** Runs `script` in a fresh node with the program preloads, as the engine starts a program; returns its JSON output. */
function inProgramProcess(
  script: string,
  env: NodeJS.ProcessEnv = {},
  preload = "skip-unread-stacks.js",
): Record<string, unknown> {
  const run = spawnSync(process.execPath, ["--require", join(HOST, preload), "-e", script], {
    env: { ...process.env, PULUMI_DEBUG_PROMISE_LEAKS: "", ...env, SDK },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

// What cmd/run does first (install source-map-support), then one promise through the SDK's debuggablePromise.
const PROGRAM = `
  require(require.resolve("source-map-support/register", { paths: [process.env.SDK] }));
  const { debuggablePromise } = require(process.env.SDK + "/runtime/debuggable");
  const p = Promise.resolve(1);
  debuggablePromise(p, "resolveURN(x)").then(() => {
    function userCode() { return new Error("boom").stack; }
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = (_, frames) => frames;
    const raw = new Error().stack;
    Error.prepareStackTrace = saved;
    console.log(JSON.stringify({
      promiseStack: p._debugStackTrace,
      userStack: userCode(),
      rawFrames: Array.isArray(raw) && typeof raw[0].getFunctionName === "function",
      restored: Error.prepareStackTrace === saved,
      afterRestore: userCode(),
      custom: (() => { Error.prepareStackTrace = (e, frames) => "custom " + e.message; return userCode(); })(),
    }));
  });
`;

describe("skip-unread-stacks preload", () => {
  it("answers the SDK's per-promise stack with a constant and formats every other stack as before", () => {
    const out = inProgramProcess(PROGRAM);
    expect(out.promiseStack).toContain("set PULUMI_DEBUG_PROMISE_LEAKS=1");
    expect(out.promiseStack).not.toContain("debuggable.js");
    expect(out.userStack).toMatch(/^Error: boom\n\s+at userCode \(\[eval\]:\d+:\d+\)/);
    expect(out.rawFrames).toBe(true);
    expect(out.restored).toBe(true);
    expect((out.afterRestore as string).split("\n").slice(0, 2)).toEqual(
      (out.userStack as string).split("\n").slice(0, 2),
    );
    expect(out.custom).toBe("custom boom");
  });

  it("answers a resource's callsites with no frames, and other stacks as before", () => {
    const script = `
      require(require.resolve("source-map-support/register", { paths: [process.env.SDK] }));
      const { Resource } = require(process.env.SDK + "/resource");
      function userCode() { return new Error("boom").stack; }
      console.log(JSON.stringify({ callsites: Resource.callsites(), trace: Resource.stackTrace(0), user: userCode() }));
    `;
    const skipped = inProgramProcess(script);
    expect(skipped.callsites).toEqual([]);
    expect(skipped.trace).toEqual([]);
    expect(skipped.user).toMatch(/^Error: boom\n\s+at userCode \(\[eval\]:\d+:\d+\)/);
    // The same script without the preload: what the Pulumi CLI's program sends.
    const plain = inProgramProcess(script, {}, "safe-error-inspect.js");
    expect((plain.callsites as unknown[]).length).toBeGreaterThan(2);
  });

  it("keeps the SDK's promise stacks when PULUMI_DEBUG_PROMISE_LEAKS is set", () => {
    const out = inProgramProcess(PROGRAM, { PULUMI_DEBUG_PROMISE_LEAKS: "1" });
    expect(out.promiseStack).toMatch(
      /^Error:? *\n\s+at (Object\.)?debuggablePromise \(.*runtime[\\/]debuggable\.[jt]s:\d+:\d+\)/,
    );
  });
});

describe("safe-error-inspect preload", () => {
  // A frame the SDK's source maps produce, on which Node 20's coloured util.inspect never returns (nodejs/node#64011).
  const INSPECT = `
    const util = require("util");
    const hanging = new Error("boom");
    hanging.stack = "Error: boom\\n    at Stack.init (/repo/node_modules/@pulumi/resource.ts:1598:22)";
    const wrapped = new Error("outer", { cause: hanging });
    const plain = new Error("plain");
    plain.stack = "Error: plain\\n    at f (/repo/node_modules/@pulumi/pulumi/resource.js:1:2)";
    console.log(JSON.stringify({
      hanging: util.inspect(hanging, { colors: true }),
      legacy: util.inspect(hanging, false, 2, true),
      cause: util.inspect(wrapped, { colors: true }).includes("resource.ts:1598"),
      plain: util.inspect(plain, { colors: true }),
      custom: typeof util.inspect.custom === "symbol" && util.inspect.custom === Symbol.for("nodejs.util.inspect.custom"),
    }));
  `;

  it("inspects an error with such a frame without colours instead of hanging, and leaves other errors coloured", () => {
    const out = inProgramProcess(INSPECT, {}, "safe-error-inspect.js");
    expect(out.hanging).toContain("at Stack.init (/repo/node_modules/@pulumi/resource.ts:1598:22)");
    expect(out.hanging).not.toContain("\u001b[");
    expect(out.legacy).toBe(out.hanging);
    expect(out.cause).toBe(true);
    expect(out.plain).toContain("\u001b[");
    expect(out.custom).toBe(true);
  });
});
