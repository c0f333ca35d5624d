/**
 * A gRPC unary client on `node:http2`, for the calls the engine makes once or twice per resource (the dynamic
 * provider host's Check and Diff).
 *
 * Why not grpc-js's client: per call it builds an interceptor chain, a resolving, retrying and load-balancing call,
 * filters, `Metadata` objects and a stack-capturing `Error`, which profiled at ~13% of the engine's busy time on a
 * no-op preview — more than the engine's own step logic. Talking to our own child process over loopback needs none
 * of it. The wire is the same gRPC (HTTP/2 POST, `application/grpc`, length-prefixed message, status in trailers),
 * so the SDK's unchanged grpc-js server cannot tell the difference.
 */
import * as http2 from "node:http2";
import { decodeGrpcMessage, frame, Status, unframe, type OutgoingMessage } from "./frames";

/** A call the peer answered with a non-OK status, or that never got one. `message` is the status details. */
export class GrpcCallError extends Error {
  constructor(
    readonly code: number,
    details: string,
  ) {
    super(details);
    this.name = "GrpcCallError";
  }
}

export interface UnaryClient {
  /** Sends one message to `path` (`/package.Service/Method`) and resolves with the one message answered. */
  call(path: string, request: OutgoingMessage): Promise<Buffer>;
  close(): void;
}

const { HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_CONTENT_TYPE, HTTP2_HEADER_TE, HTTP2_HEADER_STATUS } =
  http2.constants;

/** As grpc-js does: Node's default 10 MB session memory limit makes a busy session fail with ENHANCE_YOUR_CALM. */
const SESSION_OPTIONS: http2.ClientSessionOptions = {
  maxSessionMemory: Number.MAX_SAFE_INTEGER,
  maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
};

interface Connection {
  session: http2.ClientHttp2Session;
  /** Calls in flight: the session keeps the process alive only while there are some. */
  active: number;
}

/**
 * A client for `host:port` (plain text, as the Pulumi CLI talks to its plugins). It connects on first use and again
 * after the connection is lost; while no call is in flight it does not keep the process alive.
 */
export function connectUnary(address: string): UnaryClient {
  let conn: Connection | undefined;
  let closed = false;

  const open = (): Connection => {
    if (conn && !conn.session.closed && !conn.session.destroyed) return conn;
    const session = http2.connect(`http://${address}`, SESSION_OPTIONS);
    const c: Connection = { session, active: 0 };
    // Errors reach each stream too; the session's own only ends it (the next call reconnects).
    session.on("error", () => undefined);
    session.on("close", () => conn === c && (conn = undefined));
    session.on("goaway", () => conn === c && (conn = undefined));
    conn = c;
    return c;
  };

  return {
    call(path, request) {
      if (closed) return Promise.reject(new GrpcCallError(Status.UNAVAILABLE, "the gRPC client was closed"));
      let body: Buffer;
      try {
        body = frame(request);
      } catch (err) {
        return Promise.reject(err as Error); // frame() throws only Errors (a message over 400 MB)
      }
      const c = open();
      if (c.active++ === 0) c.session.ref();
      return new Promise<Buffer>((resolve, reject) => {
        const stream = c.session.request({
          [HTTP2_HEADER_METHOD]: "POST",
          [HTTP2_HEADER_PATH]: path,
          [HTTP2_HEADER_CONTENT_TYPE]: "application/grpc",
          [HTTP2_HEADER_TE]: "trailers",
        });
        const chunks: Buffer[] = [];
        let status: number | undefined;
        let details = "";
        let failure: string | undefined;
        const readStatus = (headers: http2.IncomingHttpHeaders) => {
          if (headers["grpc-status"] === undefined) return;
          status = Number(headers["grpc-status"]);
          details = decodeGrpcMessage(headers["grpc-message"]);
        };
        stream.on("response", (headers) => {
          const http = Number(headers[HTTP2_HEADER_STATUS]);
          if (http !== 200) failure = `HTTP status ${http}`;
          readStatus(headers); // a trailers-only answer carries its status in the headers
        });
        stream.on("trailers", readStatus);
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", (err: Error) => (failure ??= err.message));
        stream.on("close", () => {
          if (--c.active === 0 && !c.session.destroyed) c.session.unref();
          if (status === undefined) {
            const why = failure ?? `the stream closed without a gRPC status (HTTP/2 code ${stream.rstCode})`;
            return reject(new GrpcCallError(Status.UNAVAILABLE, `${path}: ${why}`));
          }
          if (status !== Status.OK) return reject(new GrpcCallError(status, details));
          try {
            resolve(unframe(chunks));
          } catch (err) {
            reject(new GrpcCallError(Status.INTERNAL, `${path}: ${(err as Error).message}`));
          }
        });
        stream.end(body);
      });
    },
    close() {
      closed = true;
      conn?.session.close();
      conn = undefined;
    },
  };
}
