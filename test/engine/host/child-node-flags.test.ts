/**
 * Every Node process the engine starts runs with V8's background threads sized to the machine (CHILD_NODE_FLAGS):
 * the provider host and a policy pack through spawnPlugin, the program (and the one started ahead) through
 * programNodeArgs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHILD_NODE_FLAGS, spawnPlugin } from "../../../engine/host/plugin-process";
import { programHeapArgs, programNodeArgs } from "../../../engine/host/program-args";

describe("Node flags of the engine's child processes", () => {
  it("a plugin runs with them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-child-flags-"));
    // A plugin that records its Node arguments, then prints a port as a plugin does.
    const probe = `require("fs").writeFileSync("argv.json", JSON.stringify(process.execArgv)); console.log("4242");`;
    writeFileSync(path.join(dir, "plugin.js"), probe);
    const plugin = await spawnPlugin({ what: "a probe", args: ["plugin.js"], cwd: dir, env: process.env });
    plugin.kill();
    expect(JSON.parse(readFileSync(path.join(dir, "argv.json"), "utf8"))).toEqual(CHILD_NODE_FLAGS);
    expect(CHILD_NODE_FLAGS).toContain("--v8-pool-size=0");
  });

  it("the program gets them before its heap cap and preloads", () => {
    const args = programNodeArgs({ nodeArgs: programHeapArgs(512) });
    expect(args.slice(0, CHILD_NODE_FLAGS.length + 1)).toEqual([...CHILD_NODE_FLAGS, "--max-old-space-size=512"]);
  });
});
