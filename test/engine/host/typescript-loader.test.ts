import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { typescriptHookFor } from "../../../engine/host/typescript-loader";
import { repoRoot } from "../../../scripts/workspace";

const scratch = mkdtempSync(path.join(tmpdir(), "idlc-ts-loader-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, pkg: object): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, "stacks"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
  // tsx installed in the project (a link to this checkout's): what decides is the dependency declared, not this.
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(repoRoot, "node_modules", "tsx"), path.join(dir, "node_modules", "tsx"));
  return dir;
}

const HOOK = path.join(repoRoot, "engine", "host", "typescript-hook.js");

it("a project that depends on tsx runs its TypeScript through the engine's hook, found from the nearest package.json", () => {
  const dir = project("with-tsx", { devDependencies: { tsx: "4.23.15" } });
  expect(typescriptHookFor(dir)).toBe(HOOK);
  expect(typescriptHookFor(path.join(dir, "stacks"))).toBe(HOOK);
});

it("a project that does not depend on tsx keeps the SDK's ts-node, even when tsx happens to be installed", () => {
  const dir = project("without-tsx", { dependencies: { "@pulumi/pulumi": "3.248.0" } });
  expect(typescriptHookFor(dir)).toBeUndefined();
});

it("idlc's own project (the demo stack) depends on tsx", () => {
  expect(typescriptHookFor(path.join(repoRoot, "stacks"))).toBe(HOOK);
});
