/**
 * What the Pulumi program's process loads. Everything it loads is on the path of every preview and `idlc kill`
 * (issue #22 item 5): the connectors run in the provider host, loaded there by path, and the state's modules belong to
 * the engine and the audit, so neither may come in through an index the program imports.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(__dirname, "../..");
const HOOK = path.join(ROOT, "engine/host/typescript-hook.js");

/** The project files and packages in the require cache once `provider/stack` (the program's one import) has loaded. */
function modulesOfTheProgram(): string[] {
  const script = `require("./provider/stack"); console.log(JSON.stringify(Object.keys(require.cache)));`;
  const r = spawnSync(process.execPath, ["--require", HOOK, "-e", script], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.stderr).toBe("");
  return (JSON.parse(r.stdout) as string[]).map((file) => path.relative(ROOT, file));
}

describe("the program's module graph", () => {
  const loaded = modulesOfTheProgram();

  it("holds every app's resource classes and the stand-in they serialize", () => {
    for (const app of ["entra", "google", "ldap", "scim", "slack"])
      for (const file of ["account.ts", "group.ts"]) expect(loaded).toContain(`provider/apps/${app}/${file}`);
    expect(loaded).toContain("provider/apps/shared/project-provider.ts");
  });

  it("holds no connector, HTTP kit or engine state", () => {
    const unwanted = loaded.filter(
      (file) =>
        /^provider\/apps\/[^/]+\/(provider|group-provider|client|session|connection|directory)\.ts$/.test(file) ||
        file.startsWith("provider/net/") ||
        file.startsWith("engine/state/") ||
        file.includes("node_modules/ldapts/"),
    );
    expect(unwanted).toEqual([]);
  });
});
