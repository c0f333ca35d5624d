#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>/index.ts (or every benchmark with no name).
const { spawnSync } = require("node:child_process");
const { readdirSync, existsSync } = require("node:fs");
const path = require("node:path");

const benchDir = path.join(__dirname, "..", "bench");
const [name, ...args] = process.argv.slice(2);
const all = readdirSync(benchDir).filter((d) => existsSync(path.join(benchDir, d, "index.ts")));
if (name && !all.includes(name)) {
  console.error(`unknown benchmark '${name}'; choose one of: ${all.join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const bench of name ? [name] : all) {
  console.error(`== bench/${bench}`);
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", path.join(benchDir, bench, "index.ts"), ...args],
    {
      stdio: "inherit",
    },
  );
  failed ||= r.status ?? 1;
}
process.exit(failed);
