// One start-up phase in isolation, run in the bench's workspace: `node probes.js <phase>`.
const path = require("node:path");
const { spawn } = require("node:child_process");
const phase = process.argv[2];
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] }));
// The program's module graph, loaded as `cmd/run` would before running it (not run: no engine to talk to).
const program = () => require(path.resolve("provider/stack"));

function tsNode(transpileOnly) {
  // As the SDK's cmd/run registers it (tsutils.typeScriptRequireStrings, run.js), with the project's TypeScript.
  require(path.join(sdk, "vendor", "ts-node@7.0.1")).register({
    compiler: require.resolve("typescript", { paths: [process.cwd()] }),
    transpileOnly,
    project: "tsconfig.json",
    skipProject: false,
    compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true" },
  });
  program();
}

switch (phase) {
  case "sdk":
    require(sdk);
    break;
  case "ts-node":
    tsNode(undefined);
    break;
  case "ts-node-transpile":
    tsNode(true);
    break;
  case "tsx":
    require(require.resolve("tsx/cjs", { paths: [process.cwd()] }));
    program();
    break;
  case "provider-host": {
    const host = path.join(sdk, "cmd", "dynamic-provider", "index.js");
    const child = spawn(process.execPath, [host, "127.0.0.1:1"], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.once("data", () => child.kill());
    break;
  }
  default:
    throw new Error(`unknown phase ${phase}`);
}
