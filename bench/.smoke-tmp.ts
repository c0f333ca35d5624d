import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runOperation } from "../engine";
const dir = mkdtempSync(join(tmpdir(), "idlc-eb-"));
cpSync("bench/engine/program", dir, { recursive: true });
symlinkSync("/work/main/node_modules", join(dir, "node_modules"));
writeFileSync(join(dir, "Pulumi.bench.yaml"), `config:\n  enginebench:count: "${process.argv[2] ?? 500}"\n`);
(async () => {
  let t = Date.now(); let first = 0; let n = 0;
  const r = await runOperation({ kind: (process.env.KIND as any) ?? "preview", cwd: dir, stack: "bench", env: { PULUMI_CONFIG_PASSPHRASE: "x" }, parallel: Number(process.env.PAR ?? 8), onEvent: (e) => { if (e.resourcePreEvent) { n++; if (!first) first = Date.now() - t; } } });
  console.log(r.result, "total", Date.now() - t, "first step at", first, "steps", n);
  t = Date.now();
  const r2 = await runOperation({ kind: "preview", cwd: dir, stack: "bench", env: { PULUMI_CONFIG_PASSPHRASE: "x" }, onEvent: () => undefined });
  console.log("preview", r2.result, Date.now() - t, r2.summary.resourceChanges);
})();
