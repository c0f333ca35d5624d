/**
 * A gRPC server of unary methods on `node:http2`, for the monitor the program calls once per resource
 * (RegisterResource). grpc-js's server builds an intercepting call, `Metadata`, a deadline and filters per call; a
 * handler here gets the request's bytes and returns the response's. The wire is the same gRPC the SDK's grpc-js
 * client speaks: a method without a handler is answered UNIMPLEMENTED, a rejected handler UNKNOWN with its message
 * as details, as grpc-js does.
 */
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { encodeGrpcMessage, frame, Status, unframe, type OutgoingMessage } from "./frames";

/** One unary method: request bytes in, response bytes out; a rejection is answered UNKNOWN with its message. */
export type UnaryHandler = (request: Buffer) => Promise<OutgoingMessage> | OutgoingMessage;

export interface UnaryServer {
  /** `127.0.0.1:<port>` */
  address: string;
  /** Stops accepting calls, lets the ones in flight finish for up to 2 s, then cuts them. */
  close(): Promise<void>;
}

const { HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS, HTTP2_HEADER_CONTENT_TYPE } = http2.constants;

/** grpc-js's own limits, which the SDK's clients were built against (see unary-client.ts). */
const SERVER_OPTIONS: http2.ServerOptions = {
  maxSessionMemory: Number.MAX_SAFE_INTEGER,
  maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
};

/** A status with no message: the answer's headers carry it and end the stream (gRPC's "trailers-only"). */
function answerStatus(stream: http2.ServerHttp2Stream, code: number, details: string): void {
  if (stream.destroyed || stream.headersSent) return;
  stream.respond(
    {
      [HTTP2_HEADER_STATUS]: 200,
      [HTTP2_HEADER_CONTENT_TYPE]: "application/grpc",
      "grpc-status": String(code),
      "grpc-message": encodeGrpcMessage(details),
    },
    { endStream: true },
  );
}

function answerMessage(stream: http2.ServerHttp2Stream, message: OutgoingMessage): void {
  if (stream.destroyed || stream.headersSent) return;
  const body = frame(message);
  stream.respond(
    { [HTTP2_HEADER_STATUS]: 200, [HTTP2_HEADER_CONTENT_TYPE]: "application/grpc" },
    { waitForTrailers: true },
  );
  stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(Status.OK) }));
  stream.end(body);
}

/** Serves `handlers` (by path, `/package.Service/Method`) on a loopback port. */
export async function serveUnary(handlers: ReadonlyMap<string, UnaryHandler>): Promise<UnaryServer> {
  const server = http2.createServer(SERVER_OPTIONS);
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.on("error", () => undefined); // the peer went away; its streams end with it
    session.on("close", () => sessions.delete(session));
  });
  server.on("stream", (stream, headers) => {
    stream.on("error", () => undefined); // a peer that resets its call gets no answer; nothing else to do
    const path = String(headers[HTTP2_HEADER_PATH] ?? "");
    const handler = handlers.get(path);
    if (!handler) {
      stream.resume();
      return answerStatus(stream, Status.UNIMPLEMENTED, `The server does not implement the method ${path}`);
    }
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      let request: Buffer;
      try {
        request = unframe(chunks);
      } catch (err) {
        return answerStatus(stream, Status.INTERNAL, `${path}: ${(err as Error).message}`);
      }
      void (async () => {
        try {
          answerMessage(stream, await handler(request));
        } catch (err) {
          answerStatus(stream, Status.UNKNOWN, err instanceof Error ? err.message : String(err));
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.close();
        setTimeout(() => sessions.forEach((s) => s.destroy()), 2000).unref();
      }),
  };
}
