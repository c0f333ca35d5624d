// Which of the program's imports the process started ahead may load early: idlc's own modules only.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { idlcImportsOf } from "../../cli/prestart";

const REPO = resolve(__dirname, "../..");
const IDENTITY_PROGRAM = join(REPO, "provider/stack/index.ts");

/** A project whose main file is `main.ts` with `source`, and `provider` linked to idlc's, as the demo's workspace. */
function project(source: string, projectFile = "Pulumi.yaml"): string {
  const dir = mkdtempSync(join(tmpdir(), "idlc-prestart-"));
  writeFileSync(join(dir, projectFile), "name: p\nruntime: nodejs\nmain: stacks/main.ts # the program\n");
  mkdirSync(join(dir, "stacks"));
  writeFileSync(join(dir, "stacks/main.ts"), source);
  writeFileSync(join(dir, "stacks/own.ts"), "export const own = 1;\n");
  symlinkSync(join(REPO, "provider"), join(dir, "provider"));
  return dir;
}

describe("the modules a program started ahead loads early", () => {
  it("are idlc's identity program for idlc's own project and a workspace linked to it", () => {
    expect(idlcImportsOf(REPO)).toEqual([IDENTITY_PROGRAM]);
    const linked = project(
      'import { identityProgram } from "../provider/stack";\nexport = identityProgram({ dir: __dirname });\n',
    );
    expect(idlcImportsOf(linked)).toEqual([IDENTITY_PROGRAM]);
    expect(idlcImportsOf(project('const s = require("../provider/stack");\n', "Pulumi.yml"))).toEqual([
      IDENTITY_PROGRAM,
    ]);
  });

  it("leave out the program's own modules and packages, and anything unreadable", () => {
    expect(idlcImportsOf(project('import { own } from "./own";\nimport * as z from "zod";\n'))).toEqual([]);
    expect(idlcImportsOf(project('import "./missing";\n'))).toEqual([]);
    expect(idlcImportsOf(join(REPO, "test/engine/fixtures/started-ahead"))).toEqual([]);
  });
});
