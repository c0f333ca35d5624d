/**
 * A dynamic provider that keeps its code out of the state. The SDK serializes a provider by value into every
 * resource's inputs and outputs; a full connector is ~90 KB, so 10,000 accounts would carry ~1.8 GB of code.
 * This stand-in serializes to about a kilobyte: at run time it loads the real provider from the project
 * (the dynamic-provider host runs in the project directory, under the Pulumi CLI as under idlc's engine).
 * The price, stated: refresh and delete run the project's current provider code, not the code that created
 * the resource — which is what a fix to `read` or `delete` wants anyway. Every call goes through the
 * credentials guard (apps/shared/credentials.ts): a preview configures no credential and calls no app.
 */
import type * as pulumi from "@pulumi/pulumi";

type Provider = pulumi.dynamic.ResourceProvider;

/** A string key, not a symbol (see apps/shared/settings.ts): the providers this process loaded. */
const loadedKey = "__idlcProjectProviders";

/**
 * @param modulePath the provider module, relative to the project root (`provider/apps/ldap/provider`)
 * @param exportName the module-level provider object exported by it
 */
export function projectProvider(modulePath: string, exportName: string): Provider {
  // The provider as loaded and guarded, kept per process for each directory and credentials mode: check and diff run
  // for every resource of a preview, and a `require` costs even for a cached module (~0.1 ms in the host: tsx
  // resolves the path first). Held on globalThis, as apps/shared/settings.ts explains: the stand-in is serialized.
  const load = (): Required<Provider> => {
    const holder = globalThis as unknown as Record<string, Record<string, Required<Provider>> | undefined>;
    const loaded = (holder[loadedKey] ??= {});
    const key = [process.cwd(), modulePath, exportName, process.env.IDLC_CREDENTIALS ?? ""].join("\0");
    return (loaded[key] ??= loadGuarded());
  };
  const loadGuarded = (): Required<Provider> => {
    const path = require("node:path") as typeof import("node:path");
    const file = path.resolve(modulePath);
    // The host is plain Node: teach it TypeScript, as the program's own runner does.
    if (!(".ts" in require.extensions)) require("tsx/cjs");
    let provider: Provider | undefined;
    try {
      provider = require(file)[exportName];
    } catch (cause) {
      throw new Error(
        `cannot load the idlc provider ${modulePath} from ${process.cwd()}: ${(cause as Error).message}. The dynamic-provider host must run in the idlc project directory.`,
      );
    }
    if (!provider) throw new Error(`${modulePath} has no export ${exportName}`);
    // What this run's credentials allow (IDLC_CREDENTIALS: a preview has none); loaded like the provider, so the
    // stand-in serialized into every resource stays small. The app is the folder: provider/apps/<app>/….
    const guard = require(path.resolve("provider/apps/shared/credentials")) as typeof import("./credentials");
    return guard.guardCredentials(modulePath.split("/")[2]!, provider as Required<Provider>);
  };
  // The host sends results as protobuf Structs, which have no `undefined`: a key holding it fails the whole
  // call ("Unexpected struct type"). Drop such keys, as JSON would.
  const defined = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) ?? undefined;
  // An account resource registers its AccountSpec as one `spec` property: the SDK builds promises and Outputs per
  // top-level property, so one property instead of ~25 halves the program's cost per account. Check answers the
  // fields flat, so the engine stores, diffs, shows and hands the policy pack the same flat inputs as before (and a
  // stack made before the change previews with no update). Older states are flat already.
  const unpacked = (news: Record<string, unknown>): Record<string, unknown> => {
    const { spec, ...rest } = news;
    return spec !== null && typeof spec === "object" ? { ...rest, ...(spec as Record<string, unknown>) } : news;
  };
  return {
    configure: (req) => load().configure(req),
    check: async (olds, news) => defined(await load().check(olds, unpacked(news))),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: async (inputs) => defined(await load().create(inputs)),
    read: async (id, props) => defined(await load().read(id, props)),
    update: async (id, olds, news) => defined(await load().update(id, olds, news)),
    delete: (id, props) => load().delete(id, props),
  };
}
