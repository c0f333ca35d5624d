/**
 * The SDK's generated gRPC stubs (CommonJS, untyped at require time; typed through their .d.ts files).
 * The engine uses its own SDK copy; the wire format is what matters, not object identity.
 */
export const grpc = require("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
export const structproto =
  require("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
export const emptyproto =
  require("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");
export const resproto =
  require("@pulumi/pulumi/proto/resource_pb") as typeof import("@pulumi/pulumi/proto/resource_pb");
export const resrpc =
  require("@pulumi/pulumi/proto/resource_grpc_pb") as typeof import("@pulumi/pulumi/proto/resource_grpc_pb");
export const engproto = require("@pulumi/pulumi/proto/engine_pb") as typeof import("@pulumi/pulumi/proto/engine_pb");
export const engrpc =
  require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
export const provproto =
  require("@pulumi/pulumi/proto/provider_pb") as typeof import("@pulumi/pulumi/proto/provider_pb");
export const provrpc =
  require("@pulumi/pulumi/proto/provider_grpc_pb") as typeof import("@pulumi/pulumi/proto/provider_grpc_pb");
export const anaproto =
  require("@pulumi/pulumi/proto/analyzer_pb") as typeof import("@pulumi/pulumi/proto/analyzer_pb");
export const anarpc =
  require("@pulumi/pulumi/proto/analyzer_grpc_pb") as typeof import("@pulumi/pulumi/proto/analyzer_grpc_pb");
export const plugproto = require("@pulumi/pulumi/proto/plugin_pb") as typeof import("@pulumi/pulumi/proto/plugin_pb");

/** Raised limits: the SDK itself allows 400 MB messages. */
export const GRPC_OPTIONS = {
  "grpc.max_receive_message_length": 400 * 1024 * 1024,
  "grpc.max_send_message_length": 400 * 1024 * 1024,
};

/**
 * JS object → Struct. Values decoded from Structs never hold `undefined`, so the direct conversion is tried first;
 * only a map built with `undefined` keys (which Struct.fromJavaScript rejects) pays for a JSON round trip.
 */
export function toStruct(value: Record<string, unknown>): import("google-protobuf/google/protobuf/struct_pb").Struct {
  try {
    return structproto.Struct.fromJavaScript(value as never);
  } catch {
    return structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
  }
}

/** What a generated service definition says of one method (grpc-js `MethodDefinition`, untyped). */
export interface MethodDefinition {
  path: string;
  requestSerialize(request: unknown): Buffer;
  requestDeserialize(bytes: Buffer): any;
  responseSerialize(response: unknown): Buffer;
  responseDeserialize(bytes: Buffer): unknown;
}

/** Promisifies one unary call of a generated client. */
export function unary<Req, Res>(client: object, method: string, request: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    (client as Record<string, (...args: unknown[]) => void>)[method]!.call(
      client,
      request,
      (err: Error | null, res: Res) => (err ? reject(err) : resolve(res)),
    );
  });
}

/** The text of a gRPC error without grpc-js's "2 UNKNOWN: " prefix. */
export function grpcMessage(err: unknown): string {
  const e = err as { details?: string; message?: string };
  return e.details || e.message || String(err);
}
