/**
 * The formatter and the linter as part of `npm test`, so CI counts a violation as a failed test and prints the
 * tools' own report. `npm run format` fixes formatting; `npm run lint` shows the same lint report.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[]) {
  const r = spawnSync(bin(command), args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, report: `${r.stdout}${r.stderr}`.trim() };
}

describe("style", () => {
  // Every file of the repository: ≈ 15 s of one core, 25 s wall beside a benchmark; the default 30 s is too close.
  it("every source file is formatted as prettier writes it (fix: npm run format)", () => {
    const r = run("prettier", ["--check", "--log-level", "warn", "."]);
    expect(r.report, "prettier --check lists the files that `npm run format` would rewrite").toBe("");
    expect(r.status).toBe(0);
  }, 180_000);

  // Type-aware lint builds the whole program once: ≈ 40 s of one core on this project.
  it("eslint reports no problem (see: npm run lint)", () => {
    const r = run("eslint", ["--max-warnings", "0", "."]);
    expect(r.report, "eslint's report").toBe("");
    expect(r.status).toBe(0);
  }, 300_000);
});
