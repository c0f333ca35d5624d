import { SECRET_SIG, SIG_KEY, UNKNOWN, type PropertyMap, type SecretWrapper } from "./sentinels";
import { sameStrippedEncoding } from "./struct-wire";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isSecret(v: unknown): v is SecretWrapper {
  return isObject(v) && v[SIG_KEY] === SECRET_SIG;
}

export function makeSecret(v: unknown): unknown {
  return isSecret(v) ? v : { [SIG_KEY]: SECRET_SIG, value: v };
}

/** Replaces every secret wrapper by its value, recursively (what the dynamic host must receive). */
export function strip(v: unknown): unknown {
  if (isSecret(v)) return strip(v.value);
  if (Array.isArray(v)) return v.map(strip);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = strip(x);
    return out;
  }
  return v;
}

export function stripMap(m: PropertyMap): PropertyMap {
  return strip(m) as PropertyMap;
}

export function hasSecret(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(hasSecret);
  if (isObject(v)) return Object.values(v).some(hasSecret);
  return false;
}

export function hasUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (isSecret(v)) return hasUnknown(v.value);
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (isObject(v)) return Object.values(v).some(hasUnknown);
  return false;
}

/**
 * Re-applies secretness the provider could not see (Go `annotateSecrets`): for each key in both maps, recurse
 * when both sides are plain objects, otherwise wrap the output when the input held a secret.
 */
export function annotateSecrets(outputs: PropertyMap, inputs: PropertyMap): PropertyMap {
  // Nothing to re-apply: the very same map, so what it is already known to encode to still holds (struct-wire.ts).
  if (!hasSecret(inputs)) return outputs;
  const out: PropertyMap = { ...outputs };
  for (const [k, input] of Object.entries(inputs)) {
    if (!(k in out)) continue;
    const o = out[k];
    if (isObject(o) && isObject(input) && !isSecret(o) && !isSecret(input)) {
      out[k] = annotateSecrets(o, input);
    } else if (hasSecret(input)) {
      out[k] = makeSecret(strip(o));
    }
  }
  // Only wrappers were added, each around its own value, keys in place: stripped, `out` is `outputs`' bytes. The
  // checked inputs of a resource with a secret input go to Diff in the bytes Check returned, not encoded again.
  sameStrippedEncoding(outputs, out);
  return out;
}

/** Marks the named top-level outputs secret (`additionalSecretOutputs`). */
export function applyAdditionalSecretOutputs(outputs: PropertyMap, keys: readonly string[]): PropertyMap {
  if (keys.length === 0) return outputs;
  const out: PropertyMap = { ...outputs };
  for (const k of keys) if (k in out && out[k] !== undefined) out[k] = makeSecret(out[k]);
  return out;
}

/** Whether `v` holds a secret or an unknown anywhere. */
function hasMasked(v: unknown): boolean {
  if (v === UNKNOWN || isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(hasMasked);
  if (isObject(v)) for (const k in v) if (hasMasked(v[k])) return true;
  return false;
}

function masked(v: unknown): unknown {
  if (v === UNKNOWN) return "[unknown]";
  if (isSecret(v)) return "[secret]";
  if (Array.isArray(v)) return v.map(masked);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = masked(x);
    return out;
  }
  return v;
}

/**
 * Replaces secrets by "[secret]" and unknowns by "[unknown]" for events and logs. A value holding neither is
 * returned as it is, not copied: every step's event carries its old and new inputs and outputs, ~4 KB each for an
 * identity account, and the copies were the engine's largest own cost on a no-op preview. Property maps are never
 * modified once built, and nothing that reads events modifies them.
 */
export function maskForDisplay(v: unknown): unknown {
  return hasMasked(v) ? masked(v) : v;
}
