/**
 * Every local emulator `idlc sandbox start` runs. Each app's emulator adds one entry to `emulators`.
 */
import type { FaultController } from "./faults";
import { ldapEmulator } from "./ldap";
import { slackEmulator } from "./slack";
import { googleEmulator } from "./google";
import { entraEmulator } from "./entra";
import { scimEmulator } from "./scim";
import { hrEmulators } from "./hr";
import { mailEmulator } from "./mail";

export interface EmulatorStartOptions {
  /** Where to persist state between runs (`.idlc/sandbox/<name>`); in memory when absent (tests). */
  dataDir?: string;
  /** Port to bind on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface RunningEmulator {
  name: string;
  /** Base URL of the API (for LDAP, the `ldap://` URL). */
  url: string;
  /** A credential the emulator accepts (bearer token, or the LDAP bind password). */
  token: string;
  /** OAuth token endpoint, for apps that use one. */
  tokenUrl?: string;
  /** Anything else a client needs (bind DN, base DN, tenant id, …). */
  extra?: Record<string, string>;
  /** Fault injection and the request log (`sandbox/faults`); also served at `<origin>/_faults`. */
  faults?: FaultController;
  stop(): Promise<void>;
}

export interface EmulatorDefinition {
  name: string;
  /** False when the emulator cannot run here (e.g. slapd is not installed), with the reason. */
  available?: () => Promise<true | string>;
  start(options: EmulatorStartOptions): Promise<RunningEmulator>;
}

export const emulators: EmulatorDefinition[] = [
  ldapEmulator,
  slackEmulator,
  googleEmulator,
  entraEmulator,
  scimEmulator,
  ...hrEmulators,
  mailEmulator,
];
