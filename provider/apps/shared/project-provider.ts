/**
 * The dynamic provider every idlc resource names in its `__provider` input: a small CommonJS module that keeps the
 * provider's code out of the state. The dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`, under the
 * Pulumi CLI as under idlc's engine) loads this text with `require-from-string` and calls its `handler()`; the
 * handler loads the real provider from the project (hosted-provider.ts, in the directory the host runs in). A full
 * connector is ~90 KB: 10,000 accounts carrying it would be ~1.8 GB of state.
 *
 * The text is written here, not produced by the SDK's closure serializer (`dynamic.Resource`). Serializing costs
 * the program the TypeScript compiler (9 MB of source, loaded to parse function text) and an inspector round trip
 * per captured function: ~0.2 s per preview for ten providers that never change between runs (issue #22 item 5).
 * A literal text is also the same under every runner (ts-node, tsx, esbuild), so state never churns with the tool
 * that compiled the program.
 *
 * The price, stated: refresh and delete run the project's current provider code, not the code that created
 * the resource — which is what a fix to `read` or `delete` wants anyway. Every call goes through the
 * credentials guard (apps/shared/credentials.ts): a preview configures no credential and calls no app.
 */

const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

/**
 * The `__provider` text for the provider `modulePath` exports as `exportName`.
 * The host decodes this text from protobuf in every Check and Diff (olds and news alike), so it stays short. The
 * loaded module is kept on globalThis per project directory: a `require` costs even for a cached module (the path is
 * resolved first, ~0.1 ms). Each call asks hosted-provider.ts again, so the credentials mode is the one at the call.
 * The host is plain Node under the Pulumi CLI: it is taught TypeScript first, as the program's own runner is.
 * @param modulePath the provider module, relative to the project root (`provider/apps/ldap/provider`)
 * @param exportName the module-level provider object exported by it
 */
export function projectProvider(modulePath: string, exportName: string): string {
  const target = `${JSON.stringify(modulePath)}, ${JSON.stringify(exportName)}`;
  return `exports.handler = () => {
  const hosted = () => {
    const loaded = (globalThis.__idlcHostedProvider ??= {});
    const dir = process.cwd();
    if (!loaded[dir]) {
      if (!(".ts" in require.extensions)) require("tsx/cjs");
      loaded[dir] = require(require("node:path").resolve("provider/apps/shared/hosted-provider"));
    }
    return loaded[dir].hostedProvider(${target});
  };
  return Object.fromEntries(${JSON.stringify(METHODS)}.map((m) => [m, (...args) => hosted()[m](...args)]));
};
`;
}
