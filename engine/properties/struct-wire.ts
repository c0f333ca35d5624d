/**
 * Property maps ↔ `google.protobuf.Struct` bytes, without google-protobuf's message objects.
 *
 * Why: every unchanged resource sends its properties to the provider host five times (Check olds and news, Diff olds,
 * old inputs and news) and its outputs back to the program once, and most of each is the same ~2.8 KB serialized
 * provider text. Building a `Struct` of `Value` objects and serializing it per call was the engine's largest
 * encoding cost; here a map is written straight to bytes once and the bytes are kept with the (never mutated) map
 * object, so the old inputs encoded for Check are the bytes Diff sends, the inputs Check returned are sent to Diff
 * in the bytes they came in, and old outputs serve both Diff and the program's answer when they hold no secret.
 * Only the most recent maps are kept, so memory does not grow with the stack. The meaning is
 * `Struct.fromJavaScript`/`toJavaScript`'s: null, numbers (double), strings, booleans, objects, arrays; an
 * `undefined` property is left out and an `undefined` array element is null (what the JSON round trip the engine
 * used before did).
 */
import { readVarint, ProtoWriter, WIRE_FIXED64, WIRE_LENGTH, wireFields } from "./proto-wire";
import { SECRET_SIG, SIG_KEY, type PropertyMap } from "./sentinels";
import { shareString } from "./share-strings";

/** `plain` keeps secret wrappers as the program and the state hold them; `stripped` sends their values only. */
export type StructMode = "plain" | "stripped";

/**
 * Bytes of the maps seen last, by map object. A resource's maps are encoded and reused within its own step (Check,
 * Diff, the answer to the program), so a window of recent maps, well above the steps in flight, finds them all.
 */
const WINDOW = 2048;
const cache: Record<StructMode, Map<object, Buffer>> = { plain: new Map(), stripped: new Map() };
const writer = new ProtoWriter();

function remember(map: object, bytes: Buffer, modes: readonly StructMode[]): void {
  for (const mode of modes) {
    const recent = cache[mode];
    recent.set(map, bytes);
    if (recent.size > WINDOW) recent.delete(recent.keys().next().value!);
  }
}

interface EncodeState {
  strip: boolean;
  sawSecret: boolean;
}

function writeValue(w: ProtoWriter, v: unknown, s: EncodeState): void {
  switch (typeof v) {
    case "string":
      w.string(3, v);
      return;
    case "number":
      w.double(2, v);
      return;
    case "boolean":
      w.uint(4, v ? 1 : 0);
      return;
    case "undefined":
      w.uint(1, 0);
      return;
    case "object":
      break;
    default:
      throw new TypeError(`a ${typeof v} cannot be sent as a property value`);
  }
  if (v === null) {
    w.uint(1, 0);
  } else if (Array.isArray(v)) {
    const list = w.begin(6);
    for (const x of v) {
      const item = w.begin(1);
      writeValue(w, x, s);
      w.end(item);
    }
    w.end(list);
  } else if ((v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG && s.strip) {
    s.sawSecret = true;
    writeValue(w, (v as { value: unknown }).value, s);
  } else {
    if ((v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) s.sawSecret = true;
    const struct = w.begin(5);
    writeFields(w, v as Record<string, unknown>, s);
    w.end(struct);
  }
}

function writeFields(w: ProtoWriter, map: Record<string, unknown>, s: EncodeState): void {
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    const entry = w.begin(1);
    w.string(1, key);
    const value = w.begin(2);
    writeValue(w, v, s);
    w.end(value);
    w.end(entry);
  }
}

/**
 * The `Struct` bytes of `map`, computed once per map object and mode. Callers must treat maps as immutable once
 * sent, which the engine does (every step builds new maps).
 */
export function encodeStruct(map: PropertyMap, mode: StructMode): Buffer {
  const hit = cache[mode].get(map);
  if (hit) return hit;
  const state: EncodeState = { strip: mode === "stripped", sawSecret: false };
  try {
    writeFields(writer, map, state);
  } catch (err) {
    writer.reset();
    throw err;
  }
  const bytes = writer.finish();
  // Without a secret both modes are the same bytes.
  remember(map, bytes, state.sawSecret ? [mode] : ["plain", "stripped"]);
  return bytes;
}

/** Maps decoded from the wire: they hold no `undefined` anywhere, which `sameStrippedEncoding` relies on. */
const decoded = new WeakSet<object>();

/**
 * Records that `derived`, stripped, encodes to the bytes `source` was decoded from: for a map that differs from a
 * decoded `source` only by secret wrappers around its values (`annotateSecrets`). A wrapper around `undefined` would
 * encode to a null value where the bare `undefined` is left out, so `source` must be one decoded from the wire.
 */
export function sameStrippedEncoding(source: PropertyMap, derived: PropertyMap): void {
  const bytes = decoded.has(source) ? cache.stripped.get(source) : undefined;
  if (bytes && derived !== source) remember(derived, bytes, ["stripped"]);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface DecodeState {
  sawSecret: boolean;
}

function readValue(buf: Buffer, from: number, to: number, s: DecodeState): unknown {
  let value: unknown = null;
  let pos = from;
  while (pos < to) {
    const [key, afterTag] = readVarint(buf, pos);
    const field = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_LENGTH) {
      const [length, start] = readVarint(buf, afterTag);
      const end = start + length;
      if (field === 3) value = shareString(buf.toString("utf8", start, end));
      else if (field === 5) value = readFields(buf, start, end, s);
      else if (field === 6) value = readList(buf, start, end, s);
      pos = end;
    } else if (wire === WIRE_FIXED64) {
      if (field === 2) value = buf.readDoubleLE(afterTag);
      pos = afterTag + 8;
    } else {
      const [v, next] = readVarint(buf, afterTag);
      if (field === 4) value = v !== 0;
      else if (field === 1) value = null;
      pos = next;
    }
  }
  return value;
}

function readList(buf: Buffer, from: number, to: number, s: DecodeState): unknown[] {
  const out: unknown[] = [];
  for (const f of wireFields(buf, from, to)) if (f.field === 1) out.push(readValue(buf, f.valueStart, f.end, s));
  return out;
}

function readFields(buf: Buffer, from: number, to: number, s: DecodeState): PropertyMap {
  const out: PropertyMap = {};
  for (const entry of wireFields(buf, from, to)) {
    if (entry.field !== 1) continue;
    let key = "";
    let value: unknown = null;
    for (const f of wireFields(buf, entry.valueStart, entry.end)) {
      if (f.field === 1) key = buf.toString("utf8", f.valueStart, f.end);
      else if (f.field === 2) value = readValue(buf, f.valueStart, f.end, s);
    }
    if (key === SIG_KEY && value === SECRET_SIG) s.sawSecret = true;
    out[key] = value;
  }
  return out;
}

/**
 * `Struct` bytes → a property map (`Struct.toJavaScript`). The bytes are remembered as the map's encoding, so a
 * decoded map sent on unchanged is not encoded again.
 */
export function decodeStruct(bytes: Uint8Array): PropertyMap {
  const buf = asBuffer(bytes);
  const state: DecodeState = { sawSecret: false };
  const map = readFields(buf, 0, buf.length, state);
  remember(map, buf, state.sawSecret ? ["plain"] : ["plain", "stripped"]);
  decoded.add(map);
  return map;
}
