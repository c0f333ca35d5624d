/**
 * Every local emulator `idlc sandbox start` runs. Each app's emulator adds one entry to `emulators`.
 */

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
  stop(): Promise<void>;
}

export interface EmulatorDefinition {
  name: string;
  /** False when the emulator cannot run here (e.g. slapd is not installed), with the reason. */
  available?: () => Promise<true | string>;
  start(options: EmulatorStartOptions): Promise<RunningEmulator>;
}

export const emulators: EmulatorDefinition[] = [];
