import type { EmulatorDefinition } from "../registry";
import { startEntraEmulator } from "./server";

/** The registry entry `idlc sandbox start` runs. */
export const entraEmulator: EmulatorDefinition = { name: "entra", start: (options) => startEntraEmulator(options) };
