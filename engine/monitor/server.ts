import { encodeStruct, ProtoWriter, type PropertyMap } from "../properties";
import { NeedsPulumiCliError } from "../errors";
import { emptyproto, engproto, engrpc, grpc, GRPC_OPTIONS, resproto, resrpc } from "../host/proto";
import { readRegistration, type Registration } from "./registration";

/** What the engine answers to a registration. */
export interface RegistrationResult {
  urn: string;
  id: string;
  outputs: PropertyMap;
  /** false → the SDK keeps unknowns (`result: FAIL`). */
  ok?: boolean;
  /** The step was skipped because a dependency failed (`--continue-on-error`): `result: SKIP`. */
  skipped?: boolean;
}

/** One `Engine.Log` request; `severity` in the SDK's numbering (0 debug, 1 info, 2 warning, 3 error). */
export interface LogEntry {
  severity: number;
  message: string;
  /** Empty when the message is about no resource. */
  urn: string;
  /** A live status (the Pulumi CLI's Info column): shown while it is the latest, not kept in the record. */
  ephemeral: boolean;
}

/** The deployment logic behind the monitor; the server only translates protobuf. */
export interface MonitorHandler {
  register(registration: Registration): Promise<RegistrationResult>;
  registerOutputs(urn: string, outputs: PropertyMap): Promise<void>;
  /** `Engine.Log` from the program or a provider plugin (both are given this server's address). */
  log(entry: LogEntry): void;
  /** The program asked for something the offline engine refuses (the error is also returned to it). */
  unsupported(error: Error): void;
}

export interface MonitorServer {
  /** `127.0.0.1:<port>` */
  address: string;
  close(): Promise<void>;
}

/** Features the engine implements (reference §3.1); every other id is answered false. */
const SUPPORTED_FEATURES = new Set(["secrets", "deletedWith"]);

// grpc-js handler types are generic over each message; the stubs are untyped JS, so handlers take `any`.
type Callback = (err: any, res?: any) => void;
type Call = any;

/** Maps a handler rejection to gRPC status UNKNOWN with the message as details (what the SDK logs). */
function respond(promise: Promise<unknown>, callback: Callback): void {
  promise.then(
    (res) => callback(null, res),
    (err: unknown) =>
      callback({ code: grpc.status.UNKNOWN, details: err instanceof Error ? err.message : String(err) }),
  );
}

/**
 * RegisterResource, once per resource, skips google-protobuf's message objects both ways: the request is read by
 * `readRegistration`, the response written here (urn = 1, id = 2, object = 3, result = 7), its outputs' bytes
 * usually the ones already encoded for the provider's Diff.
 */
function registerResourceMethod() {
  const writer = new ProtoWriter();
  return {
    ...resrpc.ResourceMonitorService.registerResource,
    requestDeserialize: (bytes: Buffer) => readRegistration(bytes),
    responseSerialize: (result: RegistrationResult) => {
      const outputs = encodeStruct(result.outputs, "plain"); // before writing: it may throw
      writer.string(1, result.urn).string(2, result.id).bytes(3, outputs);
      if (result.ok === false) writer.uint(7, resproto.Result.FAIL);
      if (result.skipped) writer.uint(7, resproto.Result.SKIP);
      return writer.finish();
    },
  };
}

/**
 * Serves ResourceMonitor + Engine on one loopback port. The program gets it as `--monitor` and `--engine`; provider
 * plugins get it as their engine address, so their `Engine.Log` (a status such as a rate-limit wait) arrives here
 * too, as it does in the Pulumi CLI's host.
 */
export async function startMonitor(handler: MonitorHandler): Promise<MonitorServer> {
  const server = new grpc.Server({ ...GRPC_OPTIONS, "grpc.enable_channelz": 0 });
  let rootUrn = "";
  const reject = (feature: string) => (_call: Call, callback: Callback) => {
    const error = new NeedsPulumiCliError(feature);
    handler.unsupported(error);
    callback({ code: grpc.status.UNKNOWN, details: error.message });
  };

  const service = { ...resrpc.ResourceMonitorService, registerResource: registerResourceMethod() };
  server.addService(service, {
    supportsFeature(call: Call, callback: Callback) {
      callback(
        null,
        new resproto.SupportsFeatureResponse().setHassupport(SUPPORTED_FEATURES.has(call.request.getId())),
      );
    },
    registerResource(call: Call, callback: Callback) {
      respond(handler.register(call.request as Registration), callback);
    },
    registerResourceOutputs(call: Call, callback: Callback) {
      const outputs = (call.request.getOutputs()?.toJavaScript() ?? {}) as PropertyMap;
      respond(
        handler.registerOutputs(call.request.getUrn(), outputs).then(() => new emptyproto.Empty()),
        callback,
      );
    },
    signalAndWaitForShutdown(_call: Call, callback: Callback) {
      callback(null, new emptyproto.Empty());
    },
    readResource: reject("Reading an existing resource (Resource.get / ReadResource)"),
    invoke: reject("Invoking a provider function (invoke, including StackReference outputs)"),
    call: reject("Calling a component method (Call)"),
    registerPackage: reject("Registering a package (parameterized providers)"),
  });
  server.addService(engrpc.EngineService, {
    log(call: Call, callback: Callback) {
      const r = call.request;
      handler.log({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
      callback(null, new emptyproto.Empty());
    },
    getRootResource(_call: Call, callback: Callback) {
      callback(null, new engproto.GetRootResourceResponse().setUrn(rootUrn));
    },
    setRootResource(call: Call, callback: Callback) {
      rootUrn = call.request.getUrn();
      callback(null, new engproto.SetRootResourceResponse());
    },
  });
  const port = await new Promise<number>((resolve, rejectBind) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? rejectBind(err) : resolve(p),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => server.forceShutdown(), 2000).unref();
      }),
  };
}
