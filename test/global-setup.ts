/**
 * Services shared by every test file, started once per vitest run.
 * Each service adds itself here and hands its address to tests through `provide`/`inject`.
 * A missing system package stops the run here, loudly, instead of letting suites skip.
 */
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { startSlapd, type RunningSlapd } from "../sandbox/ldap";
import { missingSystemPackages, thisHost } from "../scripts/check-system-packages";
import { aptCommand } from "../scripts/system-packages";

/** The shared slapd (sandbox/ldap). */
export type ProvidedLdap = Omit<RunningSlapd, "stop" | "pid">;

declare module "vitest" {
  export interface ProvidedContext {
    ldap: ProvidedLdap;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingSystemPackages();
  if (missing.length) {
    const names = missing.map((m) => m.pkg.name);
    const what = missing.map((m) => `${m.pkg.name} (${m.reason})`).join("; ");
    const fix = `\`npm test\` installs them on Debian as root; or run: ${aptCommand(names, thisHost().root)}`;
    throw new Error(`the tests need system packages that are missing here: ${what}. ${fix}`);
  }
  const { stop, pid: _pid, ...ldap } = await startSlapd();
  project.provide("ldap", ldap);
  return stop;
}
