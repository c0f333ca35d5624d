// The SDK's floor: runs a Pulumi program with `pulumi.runtime.setMocks` (no engine, no provider host), so the
// resources are declared, their inputs serialized and "registered" against an in-process mock. Usage:
// node run-with-mocks.js <programDir> <entry> <preview|up>. Config comes from PULUMI_CONFIG as the engine passes it.
"use strict";
const path = require("node:path");

const [programDir, entry, mode] = process.argv.slice(2);
const fromProgram = (id) => require(require.resolve(id, { paths: [programDir] }));
const pulumi = fromProgram("@pulumi/pulumi");
const { runInPulumiStack } = fromProgram("@pulumi/pulumi/runtime/stack");

const mocks = {
  // A create returns the inputs as outputs, as the trivial providers the benchmarks use do.
  newResource: (args) => ({ id: mode === "preview" ? undefined : `${args.name}-id`, state: args.inputs }),
  call: (args) => args.inputs,
};

async function main() {
  await pulumi.runtime.setMocks(mocks, process.env.PULUMI_PROJECT, process.env.PULUMI_NODEJS_STACK, mode === "preview");
  const exported = require(path.resolve(programDir, entry));
  await runInPulumiStack(async () => (typeof exported === "function" ? exported() : exported));
  await pulumi.runtime.disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
