/**
 * The background process `idlc sandbox start` spawns (`node --require tsx/cjs sandbox/daemon.ts <dir>`): runs every
 * registered emulator, writes `<dir>/sandbox.json` once all listen, and stops them all on SIGTERM/SIGINT.
 */
import { emulators } from "./registry";
import { startEmulators } from "./run-emulators";
import { clearSandboxState, writeSandboxState } from "./state";

async function main(dir: string): Promise<void> {
  const started = await startEmulators(emulators, dir);
  const apps = Object.fromEntries(
    started.running.map((e) => [
      e.name,
      {
        url: e.url,
        token: e.token,
        ...(e.tokenUrl ? { tokenUrl: e.tokenUrl } : {}),
        ...(e.extra ? { extra: e.extra } : {}),
      },
    ]),
  );
  writeSandboxState(dir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apps,
    unavailable: started.unavailable,
  });
  process.stderr.write(`sandbox: ${started.running.map((e) => `${e.name} ${e.url}`).join(", ")}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await started.stopAll();
    clearSandboxState(dir);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: sandbox/daemon.ts <state dir>\n");
  process.exit(2);
}
main(dir).catch((err) => {
  process.stderr.write(`sandbox daemon failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
