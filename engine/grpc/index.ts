/**
 * @module engine/grpc
 * gRPC unary calls on `node:http2` for the engine's per-resource traffic (the monitor the program calls, the
 * provider host the engine calls), without grpc-js's per-call machinery. Same wire protocol as grpc-js.
 */
export { connectUnary, GrpcCallError, type UnaryClient } from "./unary-client";
export { serveUnary, type UnaryHandler, type UnaryServer } from "./unary-server";
export { FramedMessage, frameWritten, MAX_MESSAGE_BYTES, Status, type OutgoingMessage } from "./frames";
