// Preloaded into each benchmarked `idlc` run: at exit, appends the run's CPU time and loaded module count to
// $IDLC_BENCH_REPORT (a child's CPU time is the figure that holds on a shared machine; wall time stretches with load).
const { appendFileSync } = require("node:fs");

process.on("exit", () => {
  const cpu = process.cpuUsage();
  const line = { cpuMs: (cpu.user + cpu.system) / 1000, modules: Object.keys(require.cache).length };
  appendFileSync(process.env.IDLC_BENCH_REPORT, `${JSON.stringify(line)}\n`);
});
