import type * as zod from "zod";
import { credentialsMode, isSealed } from "./credentials";
import { AppNotConfiguredError, AppSettingsError } from "./errors";
import { applyReadOnly } from "./read-only";
import { resolveSandboxSettings } from "./sandbox-settings";

/** The part of the dynamic-provider `ConfigureRequest` we read (the SDK's `Config`). */
export interface ConfigSource {
  config: { get(key: string): string | undefined };
}

/** Builds a settings schema given zod, so zod is `require()`d lazily and never captured by a serialized provider. */
export type SchemaFactory<T> = (z: typeof zod.z) => zod.ZodType<T>;

/**
 * Reads `identity:<app>` (JSON, as Pulumi hands structured config to `configure`) and validates it.
 * @throws AppSettingsError naming the key and the first bad field
 */
export function readAppSettings<T>(req: ConfigSource, app: string, schema: SchemaFactory<T>): T {
  try {
    const settings = validatedSettings(req, app, schema);
    refusals().delete(app);
    return settings;
  } catch (error) {
    // The SDK's host reports this to the first resource only, then runs the others on the unconfigured provider.
    const { message, fix } = error as { message?: string; fix?: string };
    refusals().set(app, { message: String(message ?? error), fix });
    throw error;
  }
}

function validatedSettings<T>(req: ConfigSource, app: string, schema: SchemaFactory<T>): T {
  const key = `identity:${app}`;
  const raw = req.config.get(key);
  const fix = `Set it with \`pulumi config set --path --secret ${key}.<field> <value>\` (see docs for the fields of ${app}).`;
  if (raw === undefined || raw === "") throw new AppSettingsError(app, key, "is not set in the stack config", fix);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppSettingsError(app, key, "is not a JSON object", fix);
  }
  const sealed = findSealed(value);
  if (sealed !== undefined) {
    throw new AppSettingsError(
      app,
      `${key}${sealed}`,
      "is still encrypted: this run holds no passphrase",
      "Run it where PULUMI_CONFIG_PASSPHRASE is set (a preview needs none: its providers run without credentials).",
    );
  }
  const { z } = require("zod") as typeof zod;
  const parsed = schema(z).safeParse(resolveSandboxSettings(app, withReadOnly(app, key, value)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `.${issue.path.join(".")}` : "";
    throw new AppSettingsError(app, `${key}${where}`, issue.message, fix);
  }
  return parsed.data;
}

/** `readOnly` applied per settings node: the app's own, or each SCIM instance's. */
function withReadOnly(app: string, key: string, value: unknown): unknown {
  const readOnlyRun = credentialsMode() === "read-only";
  // SCIM's settings map instance names to settings (`identity:scim.<instance>`).
  if (app !== "scim" || typeof value !== "object" || value === null) return applyReadOnly(app, key, value, readOnlyRun);
  const instances = Object.entries(value as Record<string, unknown>);
  const each = instances.map(([name, node]) => [name, applyReadOnly(app, `${key}.${name}`, node, readOnlyRun)]);
  return Object.fromEntries(each);
}

/** The path (`.a.b`) of the first `{secure: …}` value left encrypted, if any. */
function findSealed(value: unknown, at = ""): string | undefined {
  if (isSealed(value)) return at;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = findSealed(v, `${at}.${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A string key, not a symbol: the closure serializer would turn a registered symbol into a fresh one. */
const storeKey = "__idlcAppSettings";
const refusedKey = "__idlcAppSettingsRefused";

/** Why this process's last `configure()` of each app failed, as plain data (errors may be a rehydrated copy's). */
function refusals(): Map<string, { message: string; fix?: string }> {
  const holder = globalThis as unknown as Record<string, Map<string, { message: string; fix?: string }> | undefined>;
  return (holder[refusedKey] ??= new Map());
}

/**
 * Settings a provider's `configure()` stored, held on `globalThis` rather than in a module variable: a module
 * variable is captured by value when the provider is serialized, and settings hold credentials. The map is
 * looked up on every call for the same reason: a captured Map would be serialized as a plain object.
 */
export function appSettingsStore<T>(app: string): { set(value: T): void; get(): T } {
  const all = () => {
    const holder = globalThis as unknown as Record<string, Map<string, unknown> | undefined>;
    return (holder[storeKey] ??= new Map());
  };
  return {
    set: (value) => void all().set(app, value),
    get() {
      if (!all().has(app)) throw new AppNotConfiguredError(app, refusals().get(app));
      return all().get(app) as T;
    },
  };
}
