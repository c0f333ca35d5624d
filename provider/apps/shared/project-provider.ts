/**
 * A dynamic provider that keeps its code out of the state. The SDK serializes a provider by value into every
 * resource's inputs and outputs; a full connector is ~90 KB, so 10,000 accounts would carry ~1.8 GB of code.
 * This stand-in only names the provider module (~2.6 KB serialized): at run time, hosted-provider.ts loads the real
 * provider from the project (the dynamic-provider host runs in the project directory, under the Pulumi CLI as under
 * idlc's engine).
 * The price, stated: refresh and delete run the project's current provider code, not the code that created
 * the resource — which is what a fix to `read` or `delete` wants anyway. Every call goes through the
 * credentials guard (apps/shared/credentials.ts): a preview configures no credential and calls no app.
 */
import type * as pulumi from "@pulumi/pulumi";

type Provider = pulumi.dynamic.ResourceProvider;

/**
 * @param modulePath the provider module, relative to the project root (`provider/apps/ldap/provider`)
 * @param exportName the module-level provider object exported by it
 */
export function projectProvider(modulePath: string, exportName: string): Provider {
  // All the work is in hosted-provider.ts, loaded by path in the host: this text is serialized into every resource's
  // inputs and outputs and decoded in each Check and Diff, so it only names the module (~2.6 KB, was ~4.2 KB). The
  // host is plain Node under the Pulumi CLI: teach it TypeScript first, as the program's own runner does. The module
  // is kept on globalThis per project directory: a `require` costs even for a cached module (the path is resolved
  // first, ~0.1 ms), and check and diff run for every resource of a preview.
  const hosted = (): Required<Provider> => {
    type Hosted = typeof import("./hosted-provider");
    const holder = globalThis as unknown as { __idlcHostedProvider?: Record<string, Hosted> };
    const loaded = (holder.__idlcHostedProvider ??= {});
    const dir = process.cwd();
    if (!loaded[dir]) {
      if (!(".ts" in require.extensions)) require("tsx/cjs");
      loaded[dir] = require(require("node:path").resolve("provider/apps/shared/hosted-provider"));
    }
    return loaded[dir]!.hostedProvider(modulePath, exportName);
  };
  return {
    configure: (req) => hosted().configure(req),
    check: (olds, news) => hosted().check(olds, news),
    diff: (id, olds, news) => hosted().diff(id, olds, news),
    create: (inputs) => hosted().create(inputs),
    read: (id, props) => hosted().read(id, props),
    update: (id, olds, news) => hosted().update(id, olds, news),
    delete: (id, props) => hosted().delete(id, props),
  };
}
