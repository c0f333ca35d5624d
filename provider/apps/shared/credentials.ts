/**
 * Which credentials a run may use, told by `IDLC_CREDENTIALS` (set by idlc's engine and commands):
 * - `none` (preview, diff, validate): providers are configured without reading a credential — not from config,
 *   not from the sandbox — and `check`/`diff` run locally; any method that would call the app fails closed;
 * - `read-only` (refresh): `identity:<app>.readOnly` replaces the write credentials where the vendor has a
 *   read-only grant, and `create`/`update`/`delete` are refused before reaching the app;
 * - unset or `write` (up, destroy): the stack's credentials as configured.
 */
import type * as pulumi from "@pulumi/pulumi";
import { CredentialsModeError, CredentialsWithheldError } from "./errors";

export type CredentialsMode = "none" | "read-only" | "write";

export function credentialsMode(env: NodeJS.ProcessEnv = process.env): CredentialsMode {
  const mode = env.IDLC_CREDENTIALS;
  if (mode === undefined || mode === "" || mode === "write") return "write";
  if (mode === "none" || mode === "read-only") return mode;
  throw new CredentialsModeError(mode);
}

/** A string key, not a symbol (see appSettingsStore): the non-secret settings a credential-free run keeps. */
const publicKey = "__idlcPublicSettings";

function publicStore(): Map<string, Record<string, unknown>> {
  const holder = globalThis as unknown as Record<string, Map<string, Record<string, unknown>> | undefined>;
  return (holder[publicKey] ??= new Map());
}

/**
 * `identity:<app>` without anything that is or leads to a credential: every `{secure: …}` value, the `sandbox`
 * marker (the sandbox file holds tokens) and the `readOnly` block are dropped.
 */
export function publicPart(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(publicPart);
  if (typeof value !== "object" || value === null) return value;
  const kept = Object.entries(value).filter(([k, v]) => k !== "sandbox" && k !== "readOnly" && !isSealed(v));
  return Object.fromEntries(kept.map(([k, v]) => [k, publicPart(v)]));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A `secure:` value a run without the passphrase left encrypted. */
export function isSealed(value: unknown): value is { secure: string } {
  if (typeof value !== "object" || value === null || Object.keys(value).length !== 1) return false;
  return typeof (value as { secure?: unknown }).secure === "string";
}

/** The non-secret fields of `identity:<app>` in a credential-free run; undefined in any other run. */
export function publicSettings(app: string): Record<string, unknown> | undefined {
  return publicStore().get(app);
}

type Provider = Required<pulumi.dynamic.ResourceProvider>;
const employeeOf = (props: unknown) => (props as { employeeId?: string } | undefined)?.employeeId;

/**
 * The provider as this run's credentials allow (see the module comment). Called by `projectProvider` on every
 * method, so the mode is the host's at the time of the call.
 */
export function guardCredentials(app: string, provider: Provider, mode = credentialsMode()): Provider {
  if (mode === "write") return provider;
  const refuse = (op: string, props: unknown): never => {
    throw new CredentialsWithheldError(app, op, mode as Exclude<CredentialsMode, "write">, employeeOf(props));
  };
  // Async, as the methods they stand in for: a refusal is a rejected promise, never a synchronous throw.
  const writes = {
    create: async (inputs: unknown) => refuse("create", inputs),
    update: async (_id: string, _olds: unknown, news: unknown) => refuse("update", news),
    delete: async (_id: string, props: unknown) => refuse("delete", props),
  };
  if (mode === "read-only") return { ...provider, ...writes };
  return {
    ...provider,
    ...writes,
    async configure(req) {
      const raw = req.config.get(`identity:${app}`);
      let value: unknown = {};
      try {
        value = raw ? JSON.parse(raw) : {};
      } catch {
        // Not JSON: the credentialed run reports it with the key's name; a preview needs none of it.
      }
      const open = publicPart(value);
      // A sealed value that is not a map (the whole key one secret) has no public fields.
      publicStore().set(app, isRecord(open) ? open : {});
    },
    read: async (_id, props) => refuse("read", props),
  };
}
