/**
 * Which resource the provider call running now is for. The SDK's dynamic-provider host hands our code only the
 * inputs, yet every request it decodes carries the resource's URN; so, inside that host, the getters it calls
 * first on each request (`getNews`, `getOlds`, `getProperties`) are wrapped once to put the request's URN in an
 * AsyncLocalStorage that the rest of the call — our provider, its HTTP client — runs in.
 */
import type { AsyncLocalStorage } from "node:async_hooks";

const REQUESTS = ["CheckRequest", "DiffRequest", "CreateRequest", "ReadRequest", "UpdateRequest", "DeleteRequest"];
const GETTERS = ["getNews", "getOlds", "getProperties"];
/** String keys on globalThis: provider modules may be loaded more than once in a process; the store is one. */
const STORE_KEY = "__idlcRequestUrn";
const PATCHED_KEY = "__idlcRequestUrnPatched";

type UrnRequest = { getUrn(): string };

function store(): AsyncLocalStorage<string> {
  const holder = globalThis as unknown as Record<string, AsyncLocalStorage<string> | undefined>;
  const hooks = require("node:async_hooks") as typeof import("node:async_hooks");
  return (holder[STORE_KEY] ??= new hooks.AsyncLocalStorage());
}

/** The URN of the provider request this code runs for, when known. */
export function currentUrn(): string | undefined {
  return store().getStore() || undefined;
}

/**
 * Wraps the request getters of `protoModule` (the `provider_pb` the host decodes with) once. Returns false when the
 * module does not look like the SDK's stubs, so a changed SDK costs the URN, not the call.
 */
export function trackRequestUrns(protoModule: Record<string, unknown>): boolean {
  if (protoModule[PATCHED_KEY]) return true;
  const storage = store();
  let patched = 0;
  for (const name of REQUESTS) {
    const proto = (protoModule[name] as { prototype?: Record<string, unknown> } | undefined)?.prototype;
    if (!proto || typeof proto.getUrn !== "function") continue;
    for (const getter of GETTERS) {
      const original = proto[getter];
      if (typeof original !== "function") continue;
      proto[getter] = function (this: UrnRequest, ...args: unknown[]) {
        storage.enterWith(this.getUrn());
        return original.apply(this, args);
      };
      patched++;
    }
  }
  protoModule[PATCHED_KEY] = patched > 0;
  return patched > 0;
}
