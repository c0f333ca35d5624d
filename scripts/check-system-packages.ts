/**
 * Probes each system package the tests use: its tool must run (a binary deleted, or masked by /dev/null while dpkg
 * still lists the package, counts as missing), or its file must be there and non-empty.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { systemPackages, type Host, type Probe, type SystemPackage } from "./system-packages";

export interface MissingPackage {
  pkg: SystemPackage;
  /** What the probe saw. */
  reason: string;
}

export function missingSystemPackages(): MissingPackage[] {
  return systemPackages().flatMap((pkg) => {
    const reason = probeFails(pkg.probe);
    return reason ? [{ pkg, reason }] : [];
  });
}

function probeFails(probe: Probe): string | undefined {
  if ("file" in probe) {
    const present = existsSync(probe.file) && statSync(probe.file).isFile() && statSync(probe.file).size > 0;
    return present ? undefined : `${probe.file} is missing`;
  }
  const [cmd, ...args] = probe.run;
  const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 30_000 });
  if (r.error) return `${cmd} does not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`;
  return r.status === 0 ? undefined : `${probe.run.join(" ")} exited ${r.status ?? r.signal}`;
}

export function thisHost(): Host {
  const hasAptGet = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  return { root: process.getuid?.() === 0, debian: existsSync("/etc/debian_version") && hasAptGet };
}
