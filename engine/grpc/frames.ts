/**
 * gRPC's length-prefixed message framing over HTTP/2 (grpc/grpc `doc/PROTOCOL-HTTP2.md`): each message is a 1-byte
 * compressed flag, a 4-byte big-endian length, then the message bytes. The engine never asks for compression (it
 * sends no `grpc-accept-encoding`), so a compressed frame from a peer is an error rather than something to guess at.
 */

/** The SDK's own limit for one message (runtime/settings.js `maxRPCMessageSize`). */
export const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** gRPC status codes the engine sends or reads by name (grpc/grpc `doc/statuscodes.md`). */
export const Status = { OK: 0, UNKNOWN: 2, INTERNAL: 13, UNIMPLEMENTED: 12, UNAVAILABLE: 14 } as const;

const HEADER_BYTES = 5;

/** A message already carrying its 5-byte prefix: what `frameWritten` returns, sent as it is. */
export class FramedMessage {
  constructor(readonly body: Buffer) {}
}

/** A message to send: its bytes, or the bytes already framed. */
export type OutgoingMessage = Uint8Array | FramedMessage;

function writeHeader(out: Buffer, length: number): void {
  if (length > MAX_MESSAGE_BYTES) throw new Error(`a gRPC message of ${length} bytes is over 400 MB`);
  out[0] = 0;
  out.writeUInt32BE(length, 1);
}

/** A message with its 5-byte prefix, ready to write to an HTTP/2 stream. */
export function frame(message: OutgoingMessage): Buffer {
  if (message instanceof FramedMessage) return message.body;
  const out = Buffer.allocUnsafe(HEADER_BYTES + message.length);
  writeHeader(out, message.length);
  out.set(message, HEADER_BYTES);
  return out;
}

/**
 * What `writer` holds, framed: its bytes are copied once, straight behind the prefix (the per-resource messages,
 * Check, Diff and RegisterResource's answer, used to be copied out of the writer and then again to be framed).
 */
export function frameWritten(writer: { finish(headroom: number): Buffer }): FramedMessage {
  const out = writer.finish(HEADER_BYTES);
  writeHeader(out, out.length - HEADER_BYTES);
  return new FramedMessage(out);
}

/**
 * The one message of a unary call's body (the chunks of its DATA frames). Anything but exactly one uncompressed
 * message within the size limit is a protocol error, described for the caller's error.
 */
export function unframe(chunks: readonly Buffer[]): Buffer {
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  if (body.length < 5) throw new Error(`a gRPC body of ${body.length} bytes holds no message`);
  if (body[0] !== 0) throw new Error("a compressed gRPC message, which the engine never asks for");
  const length = body.readUInt32BE(1);
  if (length > MAX_MESSAGE_BYTES) throw new Error(`a gRPC message of ${length} bytes is over 400 MB`);
  if (body.length !== 5 + length) throw new Error("a gRPC body that is not exactly one message");
  return body.subarray(5);
}

/** `grpc-message` is percent-encoded (grpc-js writes it with `encodeURI`). */
export function decodeGrpcMessage(value: unknown): string {
  const text = typeof value === "string" ? value : "";
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function encodeGrpcMessage(text: string): string {
  return encodeURI(text);
}
