/**
 * Provisions N accounts (default 1,000) through each connector's provider against its emulator, then refreshes them,
 * and prints API calls per account and the time taken. Goals: 1 write per create, ≤ 1 read per no-op refresh.
 * `npm run bench -- connectors [N] [APP…] [--record]`: only the named apps when given; `--record` appends the
 * figures to docs/BENCHMARKS.md.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { sharedRequestCounter, type CallCounts } from "../../provider/net";
import { connectorCases } from "./cases";

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const record = args.includes("--record");
const only = args.filter((a) => !/^\d+$/.test(a) && !a.startsWith("--"));
/** Steps the engine runs at once (the Pulumi CLI default parallelism is larger; APIs pace us anyway). */
const parallelism = 8;

const writes = (c: CallCounts) => ["POST", "PUT", "PATCH", "DELETE"].reduce((n, m) => n + (c.byMethod[m] ?? 0), 0);

async function inParallel<T>(n: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallelism }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const counter = sharedRequestCounter();
  for (const c of connectorCases.filter((k) => only.length === 0 || only.includes(k.app))) {
    const setup = await c.setup();
    counter.reset(c.app);
    let started = performance.now();
    const created = await inParallel(count, async (i) => {
      const inputs = setup.inputs(i);
      return { inputs, ...(await setup.provider.create(inputs)) };
    });
    const createMs = performance.now() - started;
    const afterCreate = counter.get(c.app);
    counter.reset(c.app);
    started = performance.now();
    await inParallel(count, (i) => setup.provider.read!(created[i]!.id, created[i]!.outs));
    const refreshMs = performance.now() - started;
    const afterRefresh = counter.get(c.app);
    await setup.stop();

    const perCreate = { writes: writes(afterCreate) / count, reads: (afterCreate.byMethod.GET ?? 0) / count };
    const perRefresh = (afterRefresh.byMethod.GET ?? 0) / count;
    const floor = setup.writesPerMinute
      ? ` (documented limit alone: ${((writes(afterCreate) / setup.writesPerMinute) * 60).toFixed(0)} s)`
      : "";
    const line =
      `${c.app}: ${count} creates in ${(createMs / 1000).toFixed(1)} s${floor}: ${perCreate.writes.toFixed(2)} writes + ${perCreate.reads.toFixed(2)} reads per account, ` +
      `${afterCreate.retries} retries; refresh in ${(refreshMs / 1000).toFixed(1)} s: ${perRefresh.toFixed(2)} reads per account`;
    console.log(line);
    if (record) {
      const row = `| connectors: ${c.app}, ${count} accounts | 1 write per create, ≤ 1 read per no-op refresh | ${line.slice(c.app.length + 2)} | ${new Date().toISOString().slice(0, 10)} |\n`;
      appendFileSync(path.join(__dirname, "..", "..", "docs", "BENCHMARKS.md"), row);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
