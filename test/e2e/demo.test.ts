/**
 * `npm run demo` is the newcomer's first command: it must pass from a fresh clone, so CI runs it.
 */
import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { repoRoot } from "../../scripts/workspace";

it("npm run demo walks validate, preview, up, an HR change and history, and finishes", async () => {
  const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
    execFile(process.execPath, ["--require", "tsx/cjs", "scripts/demo.ts"], { cwd: repoRoot, maxBuffer: 64 << 20, env: { ...process.env, CI: "1" } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }));
  });
  expect(code, out.slice(-4000)).toBe(0);
  expect(out).toContain("1 joiner, 1 mover, 1 leaver");
  expect(out).toMatch(/demo finished in \d+ s/);
}, 600_000);
