/**
 * `idlc sandbox start|stop|status [--json]`: the local app emulators on loopback ports, run in one background
 * process with state under `.idlc/sandbox/`. `status --json` prints `{running, apps: {<name>: {url, token, …}}}`,
 * what a stack config pointing at the sandbox needs.
 */
import type { Command } from "commander";
import type { SandboxState } from "../../sandbox";
import { ExitCode } from "../exit";
import { lazy } from "../lazy";

const sandboxModule = lazy<typeof import("../../sandbox")>("sandbox");

export function register(program: Command): void {
  const sandbox = program
    .command("sandbox")
    .description("local emulators of the app APIs (loopback only), for the demo and tests");
  sandbox
    .command("start")
    .description("start every emulator in the background and wait until they listen (no-op when already running)")
    .option("--json", "print the status as JSON")
    .action(async (options: { json?: boolean }) => {
      const state = await (await sandboxModule()).startSandbox();
      if (state.alreadyRunning) process.stderr.write("sandbox already running\n");
      process.stdout.write(formatStatus(state, options.json));
      process.exitCode = ExitCode.ok;
    });
  sandbox
    .command("status")
    .description("the running emulators: base URL, token and token URL of each")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }) => {
      process.stdout.write(formatStatus((await sandboxModule()).sandboxStatus(), options.json));
      process.exitCode = ExitCode.ok;
    });
  sandbox
    .command("stop")
    .description("stop the emulators (their data stays in .idlc/sandbox/)")
    .action(async () => {
      process.stderr.write(
        (await (await sandboxModule()).stopSandbox()) ? "sandbox stopped\n" : "sandbox was not running\n",
      );
      process.exitCode = ExitCode.ok;
    });
}

/** Status as JSON (tokens included: they are the sandbox's own) or as one line per emulator. */
export function formatStatus(state: SandboxState | undefined, json = false): string {
  if (json) {
    return `${JSON.stringify(state ? { running: true, pid: state.pid, apps: state.apps, unavailable: state.unavailable } : { running: false, apps: {} }, null, 2)}\n`;
  }
  if (!state) return "sandbox is not running (start it with `idlc sandbox start`)\n";
  const width = Math.max(...Object.keys({ ...state.apps, ...state.unavailable }).map((n) => n.length), 4);
  const lines = Object.entries(state.apps).map(
    ([name, app]) => `${name.padEnd(width)}  ${app.url}${app.tokenUrl ? `  (token: ${app.tokenUrl})` : ""}`,
  );
  for (const [name, reason] of Object.entries(state.unavailable))
    lines.push(`${name.padEnd(width)}  unavailable: ${reason}`);
  return `${lines.join("\n")}\n`;
}
