import path from "node:path";
import type { EmulatorDefinition, RunningEmulator } from "./registry";

export interface StartedEmulators {
  running: RunningEmulator[];
  /** name → why it did not start */
  unavailable: Record<string, string>;
  stopAll(): Promise<void>;
}

/**
 * Starts every emulator that can run here, each persisting under `<dataDir>/<name>` when a dataDir is given.
 * One that is unavailable or fails to start is reported, not fatal: the others still serve.
 */
export async function startEmulators(definitions: EmulatorDefinition[], dataDir?: string): Promise<StartedEmulators> {
  const unavailable: Record<string, string> = {};
  const started = await Promise.all(
    definitions.map(async (def) => {
      try {
        const available = def.available ? await def.available() : true;
        if (available !== true) {
          unavailable[def.name] = available;
          return undefined;
        }
        return await def.start({ dataDir: dataDir ? path.join(dataDir, def.name) : undefined });
      } catch (err) {
        unavailable[def.name] = `failed to start: ${(err as Error).message}`;
        return undefined;
      }
    }),
  );
  const running = started.filter((e): e is RunningEmulator => e !== undefined);
  return {
    running,
    unavailable,
    async stopAll() {
      await Promise.allSettled(running.map((e) => e.stop()));
    },
  };
}
