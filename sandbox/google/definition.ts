import type { EmulatorDefinition } from "../registry";
import { startGoogleEmulator } from "./server";

/** The registry entry `idlc sandbox start` runs. */
export const googleEmulator: EmulatorDefinition = { name: "google", start: (options) => startGoogleEmulator(options) };
