import { encodeStruct, ProtoWriter, type PropertyMap } from "../properties";
import { NeedsPulumiCliError } from "../errors";
import { frameWritten, serveUnary, type FramedMessage, type UnaryHandler } from "../grpc";
import { emptyproto, engproto, engrpc, resproto, resrpc, type MethodDefinition } from "../host/proto";
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

/**
 * RegisterResource, once per resource, skips google-protobuf's message objects both ways: the request is read by
 * `readRegistration`, the response written here (urn = 1, id = 2, object = 3, result = 7), its outputs' bytes
 * usually the ones already encoded for the provider's Diff.
 */
export function registerResourceResponse(writer: ProtoWriter, result: RegistrationResult): FramedMessage {
  const outputs = encodeStruct(result.outputs, "plain"); // before writing: it may throw
  writer.string(1, result.urn).string(2, result.id).bytes(3, outputs);
  if (result.ok === false) writer.uint(7, resproto.Result.FAIL);
  if (result.skipped) writer.uint(7, resproto.Result.SKIP);
  return frameWritten(writer);
}

type Service = Record<string, MethodDefinition>;

/** A method of a generated service as a handler of bytes, through its generated message classes. */
function method(service: unknown, name: string, fn: (request: any) => unknown): [string, UnaryHandler] {
  const def = (service as Service)[name]!;
  return [def.path, async (bytes) => def.responseSerialize(await fn(def.requestDeserialize(bytes)))];
}

/**
 * Serves ResourceMonitor + Engine on one loopback port. The program gets it as `--monitor` and `--engine`; provider
 * plugins get it as their engine address, so their `Engine.Log` (a status such as a rate-limit wait) arrives here
 * too, as it does in the Pulumi CLI's host. Methods not listed (transforms, hooks, …) are answered UNIMPLEMENTED,
 * which the SDK reads as "not supported".
 */
export async function startMonitor(handler: MonitorHandler): Promise<MonitorServer> {
  let rootUrn = "";
  const monitor = resrpc.ResourceMonitorService;
  const engine = engrpc.EngineService;
  const reject = (name: string, feature: string) =>
    method(monitor, name, () => {
      const error = new NeedsPulumiCliError(feature);
      handler.unsupported(error);
      throw error;
    });
  const writer = new ProtoWriter();
  const handlers = new Map<string, UnaryHandler>([
    method(monitor, "supportsFeature", (req) =>
      new resproto.SupportsFeatureResponse().setHassupport(SUPPORTED_FEATURES.has(req.getId())),
    ),
    [
      monitor.registerResource.path,
      async (bytes) => registerResourceResponse(writer, await handler.register(readRegistration(bytes))),
    ],
    method(monitor, "registerResourceOutputs", async (req) => {
      const outputs = (req.getOutputs()?.toJavaScript() ?? {}) as PropertyMap;
      await handler.registerOutputs(req.getUrn(), outputs);
      return new emptyproto.Empty();
    }),
    method(monitor, "signalAndWaitForShutdown", () => new emptyproto.Empty()),
    reject("readResource", "Reading an existing resource (Resource.get / ReadResource)"),
    reject("invoke", "Invoking a provider function (invoke, including StackReference outputs)"),
    reject("call", "Calling a component method (Call)"),
    reject("registerPackage", "Registering a package (parameterized providers)"),
    method(engine, "log", (req) => {
      handler.log({
        severity: req.getSeverity(),
        message: req.getMessage(),
        urn: req.getUrn(),
        ephemeral: req.getEphemeral(),
      });
      return new emptyproto.Empty();
    }),
    method(engine, "getRootResource", () => new engproto.GetRootResourceResponse().setUrn(rootUrn)),
    method(engine, "setRootResource", (req) => {
      rootUrn = req.getUrn();
      return new engproto.SetRootResourceResponse();
    }),
  ]);
  return serveUnary(handlers);
}
