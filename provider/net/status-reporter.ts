/**
 * A provider's live status — "waiting 4s on slack rate limit (HTTP 429, Retry-After: 4)" — sent the standard Pulumi
 * way: an ephemeral info `Engine.Log` for the resource whose call is waiting, and an empty one when it proceeds
 * (the Pulumi CLI's Info column and idlc's live view both show the latest ephemeral message of a resource).
 * Outside a provider process (the CLI's own HTTP calls, tests) the shared reporter is silent.
 */
import { createEngineLog, type EngineLog } from "./engine-log";
import { currentUrn, trackRequestUrns } from "./request-urn";

export interface StatusReporter {
  /** Shows `text` as the status of the resource this call is for. */
  show(text: string): void;
  /** Ends the status this call showed. */
  clear(): void;
}

export interface StatusReporterOptions {
  log: Pick<EngineLog, "send">;
  /** The resource the running call is for (default: the provider request's URN, see request-urn.ts). */
  urn?: () => string | undefined;
}

export function createStatusReporter(options: StatusReporterOptions): StatusReporter {
  const urn = options.urn ?? currentUrn;
  const send = (message: string) => options.log.send({ severity: 1, message, urn: urn(), ephemeral: true });
  return { show: send, clear: () => send("") };
}

export const silentStatus: StatusReporter = { show: () => undefined, clear: () => undefined };

/** `host:port` as the engine passes it (IPv6 in brackets allowed). */
const ADDRESS = /^(?:\[[0-9a-f:.]+\]|[\w.-]+):\d+$/i;
/** The SDK's dynamic-provider host, as both the Pulumi CLI and idlc's engine start it. */
const PROVIDER_MAIN = /[\\/]cmd[\\/]dynamic-provider(?:[\\/]index\.js)?$/;

/**
 * Where a provider plugin reports to: the engine address it was started with (the first argument that is one),
 * when this process is the SDK's dynamic-provider host.
 */
export function engineAddressOf(mainFile: string | undefined, args: string[]): string | undefined {
  if (!mainFile || !PROVIDER_MAIN.test(mainFile)) return undefined;
  return args.find((arg) => ADDRESS.test(arg));
}

const SHARED_KEY = "__idlcProviderStatus";

/**
 * The process-wide reporter the HTTP client uses by default: Engine.Log to the engine inside a provider process,
 * silent elsewhere. Held on globalThis, like the request counter, so every provider of the process shares it.
 */
export function providerStatus(): StatusReporter {
  const holder = globalThis as unknown as Record<string, StatusReporter | undefined>;
  return (holder[SHARED_KEY] ??= connect());
}

function connect(): StatusReporter {
  const main = require.main;
  const address = engineAddressOf(main?.filename, process.argv.slice(2));
  if (!main || !address) return silentStatus;
  try {
    // The stubs the host decodes requests with: its own SDK copy, found from its own file.
    trackRequestUrns(main.require("../../proto/provider_pb"));
  } catch {
    // Without the URN a status still reaches the engine; it just names no resource.
  }
  return createStatusReporter({ log: createEngineLog(address) });
}

// In a provider process, track request URNs from the moment the providers' code loads (during the first request,
// a Check that calls no API), so every later call's waits name their resource.
if (engineAddressOf(require.main?.filename, process.argv.slice(2))) providerStatus();
