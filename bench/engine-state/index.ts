// Persistence cost of the offline engine at 20,000 resources: a first `up` (begin → upsert → end per resource,
// 16 in flight), a no-op `up` (same × 20,000), and recovery of a killed run from its journal.
// Usage: npm run bench -- engine-state [count]
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findProject } from "../../engine/project";
import { openBackend, type ResourceV3 } from "../../engine/state";

const count = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), "idlc-bench-state-"));
writeFileSync(join(dir, "Pulumi.yaml"), "name: bench\nruntime: nodejs\n");
const project = findProject(dir);
const backend = openBackend({
  project,
  env: { PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS: "" },
  onWarning: () => undefined,
});
const secretsProviders = {
  type: "passphrase",
  state: { salt: "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==" },
};
const stackUrn = "urn:pulumi:dev::bench::pulumi:pulumi:Stack::bench-dev";
const providerUrn = "urn:pulumi:dev::bench::pulumi:providers:pulumi-nodejs::default";
const providerRef = `${providerUrn}::7d1c4a52-5a6e-4a43-9d1c-0c7f3a2b9e11`;
// A serialized dynamic provider is ~2.8 KB and is stored in both inputs and outputs of every resource.
const closure = `exports.handler = __f0;\n${"var __provider = {check: __f1, diff: __f2, create: __f3};\n".repeat(48)}`;

function account(i: number): ResourceV3 {
  const props = {
    __provider: closure,
    userName: `user${i}@example.com`,
    title: "Engineer",
    groups: ["eng", "all"],
    active: true,
  };
  return {
    urn: `urn:pulumi:dev::bench::pulumi-nodejs:dynamic/idlc:SlackAccount::slack/E${String(i).padStart(6, "0")}`,
    custom: true,
    id: `U${i}`,
    type: "pulumi-nodejs:dynamic/idlc:SlackAccount",
    inputs: props,
    outputs: { ...props, userId: `U${i}` },
    parent: stackUrn,
    provider: providerRef,
    propertyDependencies: { __provider: [], userName: [], title: [], groups: [], active: [] },
    created: "2026-11-25T17:00:00.000Z",
    modified: "2026-11-25T17:00:00.000Z",
  };
}

async function pooled(n: number, width: number, step: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await step(next++);
    }),
  );
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (start: bigint) => `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`;
const finish = {
  result: "succeeded" as const,
  resourceChanges: {},
  environment: {},
  config: {},
  startTime: new Date(),
};
const checkpoint = join(backend.root, "stacks", "bench", "dev.json");
const journalFile = join(backend.root, "stacks", "bench", "dev.journal.jsonl");

async function main(): Promise<void> {
  let t = process.hrtime.bigint();
  const first = backend.startUpdate("dev", { kind: "update", secretsProviders });
  first.upsert({ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" });
  first.upsert({
    urn: providerUrn,
    custom: true,
    id: providerRef.split("::").pop()!,
    type: "pulumi:providers:pulumi-nodejs",
  });
  await pooled(count, 16, async (i) => {
    const op = await first.begin({ type: "creating", resource: account(i) });
    first.upsert(account(i));
    first.end(op);
  });
  await first.flush();
  const journalBytes = statSync(journalFile).size;
  const steps = seconds(t);
  t = process.hrtime.bigint();
  const base = await first.finish(finish);
  console.log(
    `first up:   ${count} × (begin+upsert+end) ${steps}, ${first.stats.syncs} fsyncs for ${count} begins, journal ${mb(journalBytes)}; finish ${seconds(t)}; checkpoint ${mb(statSync(checkpoint).size)}`,
  );

  t = process.hrtime.bigint();
  const noop = backend.startUpdate("dev", { kind: "update", base, secretsProviders });
  for (const r of base.resources ?? []) noop.same(r.urn);
  const sames = seconds(t);
  t = process.hrtime.bigint();
  await noop.finish(finish);
  console.log(`no-op up:   ${count} × same ${sames}; finish ${seconds(t)}`);

  t = process.hrtime.bigint();
  const loaded = await backend.loadDeployment("dev");
  console.log(`load:       ${loaded.deployment?.resources?.length} resources in ${seconds(t)}`);

  const crashed = backend.startUpdate("dev", { kind: "update", base: loaded.deployment, secretsProviders });
  for (let i = 0; i < count; i++)
    crashed.upsert({ ...account(i), outputs: { ...account(i).outputs, title: "Manager" } });
  await crashed.flush();
  t = process.hrtime.bigint();
  const recovered = await openBackend({ project, env: {}, onWarning: () => undefined }).loadDeployment("dev");
  console.log(
    `recovery:   replayed ${count} upserts into ${recovered.deployment?.resources?.length} resources in ${seconds(t)}`,
  );
  console.log(`peak RSS:   ${mb(process.resourceUsage().maxRSS * 1024)}`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
