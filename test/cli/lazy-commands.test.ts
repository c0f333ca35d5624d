import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Option } from "commander";
import { describe, expect, it } from "vitest";
import { lazy } from "../../cli/lazy";
import { buildProgram } from "../../cli/program";
import * as stackOptions from "../../cli/stack-options";
import { PresetName } from "../../provider/hr";

const root = path.join(__dirname, "..", "..");

/** Runs `script` under tsx's CommonJS hook from the repo root, as bin/idlc.js runs the CLI; returns its stdout. */
function underTsx(script: string): string {
  const r = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: root, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout;
}

describe("idlc loads a command's code only when it runs", () => {
  it("defining every command loads commander and the definitions: no engine, connector, schema or Pulumi SDK", () => {
    const loaded = JSON.parse(
      underTsx('require("./cli/program").buildProgram(); console.log(JSON.stringify(Object.keys(require.cache)))'),
    ) as string[];
    const packages = new Set(loaded.flatMap((f) => f.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []));
    const ours = loaded.filter((f) => !f.includes("node_modules")).map((f) => path.relative(root, f));
    // tsx and its esbuild are the loader itself.
    expect([...packages].filter((p) => p !== "tsx" && p !== "esbuild").sort()).toEqual(["commander", "picocolors"]);
    expect(ours.filter((f) => !/^cli\/(commands\/)?[\w-]+\.ts$/.test(f)).sort()).toEqual([
      "engine/command/operation-options.ts",
      "errors/index.ts",
      "package.json",
    ]);
    expect(ours).not.toContain("cli/stack-options.ts");
  });

  it("preview and kill load the engine and the plan as data: not the SDK, the resource classes, ajv or all of date-fns", () => {
    // The engine process's fixed cost (issue #22 item 5): @pulumi/pulumi's index loads ~770 modules (automation
    // included) and the program, not the CLI, declares resources; date-fns's index alone is ~300 modules.
    const loaded = JSON.parse(
      underTsx(
        'require("./cli/actions/preview"); require("./cli/actions/kill");' +
          "console.log(JSON.stringify(Object.keys(require.cache)))",
      ),
    ) as string[];
    const files = loaded.map((f) => path.relative(root, f).replace(/^(\.\.\/)*(main\/)?node_modules\//, "~/"));
    // The engine's generated gRPC stubs are the only SDK files it needs.
    expect(files.filter((f) => f.startsWith("~/@pulumi/") && !/^~\/@pulumi\/pulumi\/proto\//.test(f))).toEqual([
      "~/@pulumi/pulumi/package.json",
    ]);
    expect(files.filter((f) => /^provider\/(stack\/|apps\/\w+\/(account|group|provider)\.ts)/.test(f))).toEqual([]);
    expect(files.filter((f) => /^~\/date-fns\/index\./.test(f))).toEqual([]);
    // The checkpoint schema's validator (ajv, ~80 modules) loads only when a checkpoint is validated.
    expect(files.filter((f) => f.startsWith("~/ajv/"))).toEqual([]);
  });

  it("preview loads the planner (HR reader, access resolver) and the audit reader only after its program starts", () => {
    // They are the engine's start-up before the hand-over (issue #22 item 5); the preview's app values load them
    // while the program loads its own modules, and kill loads the planner to map its targets.
    const loaded = JSON.parse(
      underTsx('require("./cli/actions/preview"); console.log(JSON.stringify(Object.keys(require.cache)))'),
    ) as string[];
    const ours = loaded.filter((f) => !f.includes("node_modules")).map((f) => path.relative(root, f));
    expect(
      ours.filter((f) =>
        /^provider\/(stack-plan\/(index|load-plan)|access\/index|access\/resolve\/|hr\/index|hr\/read-export|audit\/|shards\/)/.test(
          f,
        ),
      ),
    ).toEqual([]);
    expect(ours).toContain("provider/stack-plan/held-accounts.ts");
  });

  it("validate --preset offers exactly provider/hr's presets", () => {
    const validate = buildProgram().commands.find((c) => c.name() === "validate")!;
    const preset = validate.options.find((o: Option) => o.long === "--preset")!;
    expect(preset.argChoices).toEqual(PresetName.options);
  });

  it("a lazy loader gives the module a static import gives (vitest's module runner)", async () => {
    const loaded = await lazy<typeof stackOptions>("cli/stack-options")();
    expect(loaded.asOfDate).toBe(stackOptions.asOfDate);
  });

  it("a lazy loader gives the module require gives, loading it on first call (tsx, as bin/idlc.js runs)", () => {
    const out = underTsx(`
      const file = require.resolve("./cli/stack-options");
      const load = require("./cli/lazy").lazy("cli/stack-options");
      const before = file in require.cache;
      load().then((m) => console.log(JSON.stringify([before, m === require(file)])));`);
    expect(JSON.parse(out)).toEqual([false, true]);
  });
});
