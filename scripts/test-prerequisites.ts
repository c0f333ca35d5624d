/**
 * Run by `npm test` before vitest: makes sure the system packages the suites use are there and work. On Debian as
 * root it installs the missing ones with apt-get, saying what and why; anywhere else it stops at once with the
 * exact command to run. Suites never skip for want of a tool.
 */
import { spawnSync } from "node:child_process";
import { missingSystemPackages, thisHost, type MissingPackage } from "./check-system-packages";
import { aptCommand, plan } from "./system-packages";

const describe = (missing: MissingPackage[]) =>
  missing.map((m) => `  ${m.pkg.name}: ${m.reason} (${m.pkg.why})`).join("\n");

function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function apt(args: string[], input?: string): boolean {
  const r = spawnSync(args[0]!, args.slice(1), {
    stdio: [input === undefined ? "ignore" : "pipe", "inherit", "inherit"],
    input,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return r.status === 0;
}

function main(): void {
  const missing = missingSystemPackages();
  const host = thisHost();
  const decided = plan(
    missing.map((m) => m.pkg.name),
    host,
  );
  if (decided.action === "ready") return;
  if (decided.action === "stop") {
    const run = `Run:\n  ${decided.command}\nthen npm test again.`;
    stop(`The tests need system packages that are missing here:\n${describe(missing)}\n${run}`);
  }
  const names = decided.packages.join(" ");
  process.stderr.write(`Installing system packages the tests need: ${names}\n${describe(missing)}\n`);
  // slapd's package would otherwise configure a system-wide directory; the tests start their own.
  const noSystemDirectory = "slapd slapd/no_configuration boolean true\n";
  if (apt(["debconf-set-selections"], noSystemDirectory) && apt(["apt-get", "update", "-q"])) {
    apt(["apt-get", "install", "-y", "-q", "--reinstall", "--no-install-recommends", ...decided.packages]);
  }
  // Judged by probing again, not by apt's exit code: what counts is that the tools now run.
  const still = missingSystemPackages();
  if (still.length) {
    const command = aptCommand(
      still.map((m) => m.pkg.name),
      host.root,
    );
    const fix = `Fix that (apt-get's output is above), then run:\n  ${command}`;
    stop(`Installing them did not make them work:\n${describe(still)}\n${fix}`);
  }
  process.stderr.write(`Installed: ${names}\n`);
}

main();
