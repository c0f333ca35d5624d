import type * as zod from "zod";
import { AppNotConfiguredError, AppSettingsError } from "./errors";
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
  const { z } = require("zod") as typeof zod;
  const parsed = schema(z).safeParse(resolveSandboxSettings(app, value));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `.${issue.path.join(".")}` : "";
    throw new AppSettingsError(app, `${key}${where}`, issue.message, fix);
  }
  return parsed.data;
}

/** A string key, not a symbol: the closure serializer would turn a registered symbol into a fresh one. */
const storeKey = "__idlcAppSettings";

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
      if (!all().has(app)) throw new AppNotConfiguredError(app);
      return all().get(app) as T;
    },
  };
}
