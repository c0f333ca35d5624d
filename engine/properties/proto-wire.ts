/**
 * The few pieces of protobuf's wire format the engine writes and reads itself (varints, length-delimited fields),
 * so that the per-resource messages skip google-protobuf's message objects (see struct-wire.ts for why).
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
export const WIRE_FIXED32 = 5;

/** A growable output buffer. Length-delimited fields are written in place and their length put in front after. */
export class ProtoWriter {
  private buf = Buffer.allocUnsafe(4096);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  varint(value: number): this {
    this.ensure(10);
    let v = value;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
    return this;
  }

  tag(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }

  double(field: number, value: number): this {
    this.tag(field, WIRE_FIXED64).ensure(8);
    this.pos = this.buf.writeDoubleLE(value, this.pos);
    return this;
  }

  /** An unsigned integer, bool or enum field. */
  uint(field: number, value: number): this {
    return this.tag(field, WIRE_VARINT).varint(value);
  }

  string(field: number, value: string): this {
    this.tag(field, WIRE_LENGTH);
    // Most strings in a property map are short ASCII keys and values: copied here in a loop, they skip the two calls
    // into Node's C++ (`byteLength`, `write`) that cost more than the copy itself. Under 128 bytes the length is
    // one byte, written once the string is known to be ASCII.
    if (value.length < 0x80) {
      this.ensure(1 + value.length);
      const at = this.pos + 1;
      let i = 0;
      for (; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (code >= 0x80) break;
        this.buf[at + i] = code;
      }
      if (i === value.length) {
        this.buf[this.pos] = value.length;
        this.pos = at + value.length;
        return this;
      }
    }
    const length = Buffer.byteLength(value);
    this.varint(length).ensure(length);
    this.pos += this.buf.write(value, this.pos, length, "utf8");
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH).varint(value.length).ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  /** Opens a nested message; `end` puts its length in front once its fields are written. */
  begin(field: number): number {
    this.tag(field, WIRE_LENGTH).ensure(1);
    return ++this.pos;
  }

  end(start: number): this {
    const length = this.pos - start;
    if (length < 0x80) {
      this.buf[start - 1] = length;
      return this;
    }
    const size = varintSize(length);
    this.ensure(size - 1);
    this.buf.copyWithin(start + size - 1, start, this.pos);
    this.pos = start - 1;
    this.varint(length);
    this.pos += length;
    return this;
  }

  /**
   * The bytes written so far, copied out once; the writer starts over empty. With `headroom`, that many bytes are
   * left in front of them, unset, for a prefix the caller writes (gRPC's 5-byte frame header), so a message that
   * goes on the wire is copied once rather than once here and again to frame it.
   */
  finish(headroom = 0): Buffer {
    const bytes = Buffer.allocUnsafe(headroom + this.pos);
    this.buf.copy(bytes, headroom, 0, this.pos);
    this.reset();
    return bytes;
  }

  /** Drops what was written (after a value that could not be encoded). */
  reset(): void {
    this.pos = 0;
  }
}

function varintSize(value: number): number {
  let size = 1;
  for (let v = value; v > 0x7f; v = Math.floor(v / 128)) size++;
  return size;
}

/** One field as read off the wire: its number, wire type and where its bytes lie in the buffer. */
export interface WireField {
  field: number;
  wire: number;
  /** Start of the whole field (its tag). */
  start: number;
  /** Start and end of the value (for length-delimited fields, without the length). */
  valueStart: number;
  end: number;
  /** The varint value (varint fields only). */
  varint: number;
}

export function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  let pos = at;
  for (;;) {
    if (pos >= buf.length) throw new Error("truncated protobuf message (varint runs past the end)");
    const byte = buf[pos++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, pos];
    scale *= 128;
  }
}

/** Walks the top-level fields of a message; fails on a malformed one rather than guessing. */
export function* wireFields(buf: Uint8Array, from = 0, to = buf.length): Generator<WireField> {
  let pos = from;
  while (pos < to) {
    const start = pos;
    const [key, afterTag] = readVarint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    let valueStart = afterTag;
    let end: number;
    let varint = 0;
    if (wire === WIRE_VARINT) [varint, end] = readVarint(buf, afterTag);
    else if (wire === WIRE_FIXED64) end = afterTag + 8;
    else if (wire === WIRE_FIXED32) end = afterTag + 4;
    else if (wire === WIRE_LENGTH) {
      const [length, afterLength] = readVarint(buf, afterTag);
      valueStart = afterLength;
      end = afterLength + length;
    } else throw new Error(`unsupported protobuf wire type ${wire} (field ${field})`);
    if (end > to) throw new Error(`truncated protobuf message (field ${field} runs past the end)`);
    yield { field, wire, start, valueStart, end, varint };
    pos = end;
  }
}

/**
 * Splits a message's bytes: the length-delimited fields numbered in `take` are returned by number (last one wins,
 * as protobuf merges), the ones in `drop` are discarded, and every other field is kept, in order, in `rest`.
 */
export function splitFields(
  buf: Uint8Array,
  take: readonly number[],
  drop: readonly number[] = [],
): { taken: Map<number, Uint8Array>; rest: Uint8Array } {
  const taken = new Map<number, Uint8Array>();
  const kept: Uint8Array[] = [];
  let keptFrom = 0;
  for (const f of wireFields(buf)) {
    const takeIt = f.wire === WIRE_LENGTH && take.includes(f.field);
    if (!takeIt && !drop.includes(f.field)) continue;
    if (takeIt) taken.set(f.field, buf.subarray(f.valueStart, f.end));
    if (f.start > keptFrom) kept.push(buf.subarray(keptFrom, f.start));
    keptFrom = f.end;
  }
  if (keptFrom === 0) return { taken, rest: buf };
  if (keptFrom < buf.length) kept.push(buf.subarray(keptFrom));
  return { taken, rest: Buffer.concat(kept) };
}
