/**
 * The provider side of Pulumi's standard diagnostics channel: `pulumirpc.Engine/Log` sent to the engine address
 * a provider plugin is started with. The Pulumi CLI shows an ephemeral entry in the resource's Info column; idlc's
 * offline engine shows it on the app's line of the live view. Best effort: a status that cannot be delivered is
 * dropped, never a reason to fail the provider call that sent it.
 */

/** One `Engine.Log` request, in the SDK's `LogSeverity` numbering (0 debug, 1 info, 2 warning, 3 error). */
export interface EngineLogEntry {
  severity: 0 | 1 | 2 | 3;
  message: string;
  urn?: string;
  ephemeral: boolean;
}

export interface EngineLog {
  send(entry: EngineLogEntry): void;
  close(): void;
}

/**
 * A client of the engine's `Engine` service at `address` (`127.0.0.1:<port>`). gRPC and the SDK's stubs are
 * required here, not at import: this module is part of what every provider loads, and only a provider process
 * that reports anything pays for them.
 */
export function createEngineLog(address: string): EngineLog {
  const grpc = require("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
  const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
  const engproto = require("@pulumi/pulumi/proto/engine_pb") as typeof import("@pulumi/pulumi/proto/engine_pb");
  const client = new engrpc.EngineClient(address, grpc.credentials.createInsecure());
  return {
    send(entry) {
      const req = new engproto.LogRequest();
      req
        .setSeverity(entry.severity)
        .setMessage(entry.message)
        .setUrn(entry.urn ?? "")
        .setEphemeral(entry.ephemeral);
      client.log(req, () => undefined);
    },
    close: () => client.close(),
  };
}
