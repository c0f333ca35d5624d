/**
 * The layers, checked on every source file (docs/ARCHITECTURE.md "Layers"): the engine is generic and knows no
 * idlc code; provider/ enters the engine only through its two doors (engine/provider-interface.ts for the project files,
 * engine/audit-interface.ts for the state an auditor reads); provider/hr and provider/access
 * are the pure core (no file system, no git, no environment); and `process.env` is written in one module only, the
 * program inputs (everything a child process needs travels in the child's environment).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { factsOf, root, sourceFiles, type SourceFacts } from "./imports";

const within = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const PURE_CORE = ["provider/hr", "provider/access"];
const ENGINE_DOORS = ["engine/provider-interface", "engine/audit-interface"];
const PROGRAM_INPUTS = "provider/program-inputs/inputs.ts";
const IO_MODULE = /^(node:)?(fs|child_process)(\/.*)?$/;

/** Each rule returns one line per violation: `file:line: what`. */
const rules: Record<string, (f: SourceFacts) => string[]> = {
  "engine imports neither provider/ nor cli/": (f) =>
    within(f.file, "engine")
      ? f.imports
          .filter((i) => within(i.target, "provider") || within(i.target, "cli"))
          .map((i) => `${f.file}:${i.line}: imports ${i.target}`)
      : [],
  [`provider/ imports engine/ only through ${ENGINE_DOORS.join(" or ")}`]: (f) =>
    within(f.file, "provider")
      ? f.imports
          .filter((i) => within(i.target, "engine") && !ENGINE_DOORS.includes(i.target))
          .map((i) => `${f.file}:${i.line}: imports ${i.target}`)
      : [],
  "provider/hr and provider/access import no fs or child_process": (f) =>
    PURE_CORE.some((d) => within(f.file, d))
      ? f.imports.filter((i) => IO_MODULE.test(i.target)).map((i) => `${f.file}:${i.line}: imports ${i.target}`)
      : [],
  "provider/hr and provider/access read no process.env": (f) =>
    PURE_CORE.some((d) => within(f.file, d)) ? f.envReads.map((l) => `${f.file}:${l}: reads process.env`) : [],
  [`no process.env write outside ${PROGRAM_INPUTS} (tests aside)`]: (f) =>
    within(f.file, "test") || f.file === PROGRAM_INPUTS
      ? []
      : f.envWrites.map((l) => `${f.file}:${l}: writes process.env`),
};

const project = sourceFiles().map((file) => factsOf(file));
const made = (file: string, text: string) => factsOf(path.join(root, file), text);
const violations = (rule: string, facts: SourceFacts[]) => facts.flatMap(rules[rule]!);

describe("layers", () => {
  it("reads the whole project", () => {
    expect(project.length).toBeGreaterThan(500);
    for (const door of ENGINE_DOORS) expect(project.map((f) => f.file)).toContain(`${door}.ts`);
  });

  it.each(Object.keys(rules))("%s", (rule) => {
    expect(violations(rule, project)).toEqual([]);
  });
});

describe("the checks catch what they are for", () => {
  const rule = (prefix: string) => Object.keys(rules).find((r) => r.startsWith(prefix))!;

  it("an engine file importing provider/ (static, require, import type, dynamic)", () => {
    const engineFile = made(
      "engine/deploy/x.ts",
      [
        'import { a } from "../../provider/errors";',
        'const b = require("../../provider/hr");',
        'type C = typeof import("../../provider/access");',
        'void import("../../cli/exit");',
      ].join("\n"),
    );
    expect(violations(rule("engine imports"), [engineFile])).toEqual([
      "engine/deploy/x.ts:1: imports provider/errors",
      "engine/deploy/x.ts:2: imports provider/hr",
      "engine/deploy/x.ts:3: imports provider/access",
      "engine/deploy/x.ts:4: imports cli/exit",
    ]);
  });

  it("provider/ importing engine/ past the door, and through it", () => {
    const bad = made("provider/audit/x.ts", 'export { sha256 } from "../../engine/state";');
    const good = made("provider/audit/y.ts", 'export { sha256 } from "../../engine/audit-interface";');
    const other = made("provider/config/z.ts", 'import { findProject } from "../../engine/provider-interface";');
    expect(violations(rule("provider/ imports engine/"), [bad, good, other])).toEqual([
      "provider/audit/x.ts:1: imports engine/state",
    ]);
  });

  it("the pure core touching the file system, git or the environment", () => {
    const hr = made(
      "provider/hr/x.ts",
      'import { readFileSync } from "node:fs";\nimport cp from "child_process";\nconst d = process.env.HOME;',
    );
    expect(violations(rule("provider/hr and provider/access import"), [hr])).toEqual([
      "provider/hr/x.ts:1: imports node:fs",
      "provider/hr/x.ts:2: imports child_process",
    ]);
    expect(violations(rule("provider/hr and provider/access read"), [hr])).toEqual([
      "provider/hr/x.ts:3: reads process.env",
    ]);
  });

  it("every form of process.env write, and reads that are not writes", () => {
    const cli = made(
      "cli/x.ts",
      [
        'process.env.A = "1";',
        'process.env["B"] ??= "2";',
        "Object.assign(process.env, {});",
        "delete process.env.C;",
        "const d = process.env.D ?? Object.keys(process.env);",
      ].join("\n"),
    );
    expect(violations(rule("no process.env write"), [cli])).toEqual([
      "cli/x.ts:1: writes process.env",
      "cli/x.ts:2: writes process.env",
      "cli/x.ts:3: writes process.env",
      "cli/x.ts:4: writes process.env",
    ]);
    expect(cli.envReads).toEqual([5, 5]);
  });
});
