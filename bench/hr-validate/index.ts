/**
 * Validates a synthetic 100,000-row HR export in memory and prints rows/s and peak memory.
 * Goal: 100k rows validated in under 2 s on one core. Usage: `npm run bench -- hr-validate [rows]`.
 */
import { checkAnomalies, lifecycleOf, readHrExport } from "../../provider/hr";

const rows = Number(process.argv[2] ?? 100_000);
const departments = ["Engineering", "Sales", "Marketing", "Finance", "People", "IT", "Support", "Legal"];
const statuses = ["active", "active", "active", "active", "active", "active", "leave", "terminated", "pre-hire"];

/** A company as a tree (each person reports to one of the first eighth), ISO or German dates, a roles column. */
function generate(count: number, german: boolean): string {
  const date = (y: number, m: number, d: number) =>
    german
      ? `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`
      : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const lines = [
    "employee_id,first_name,last_name,work_email,title,department,location,manager_id,employment_type,status,hire_date,termination_date,end_date,roles",
  ];
  for (let i = 1; i <= count; i++) {
    const status = statuses[i % statuses.length]!;
    const contractor = i % 17 === 0;
    const hire = date(2010 + (i % 16), 1 + (i % 12), 1 + (i % 28));
    const term = status === "terminated" ? date(2026, 1 + (i % 10), 1 + (i % 28)) : "";
    const end = contractor ? date(2027, 1 + (i % 12), 1 + (i % 28)) : "";
    const manager = i === 1 ? "" : `E${String(Math.floor((i - 2) / 8) + 1).padStart(6, "0")}`;
    lines.push(
      `E${String(i).padStart(6, "0")},First${i},"Last, ${i}",person${i}@example.com,Engineer ${i % 5},${departments[i % departments.length]},` +
        `Berlin,${manager},${contractor ? "contractor" : "employee"},${status},${hire},${term},${end},${i % 50 === 0 ? "oncall;it-admin" : ""}`,
    );
  }
  return lines.join("\n");
}

function measure(label: string, text: string, dateFormat?: string) {
  global.gc?.();
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const { people, issues } = readHrExport({ file: "bench.csv", text, dateFormat, allowedDomains: ["example.com"] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // CPU time is the figure to compare on a shared machine: wall time stretches with other processes' load.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const errors = issues.filter((i) => i.severity === "error");
  if (people.length !== rows || errors.length > 0)
    throw new Error(`${label}: ${people.length} people, first error: ${errors[0]?.message}`);
  const rate = (s: number) => Math.round(rows / s).toLocaleString("en-US");
  console.log(
    `${label}: ${rows} rows in ${seconds.toFixed(3)} s wall (${rate(seconds)} rows/s), ` +
      `${cpuSeconds.toFixed(3)} s CPU (${rate(cpuSeconds)} rows/s)`,
  );
  return people;
}

const iso = generate(rows, false);
const german = generate(rows, true);
console.log(`generated ${rows} rows (${(iso.length / 1e6).toFixed(1)} MB each)`);
measure("validate, ISO dates (warm-up)", iso);
const people = measure("validate, ISO dates", iso);
measure("validate, dd.MM.yyyy dates", german, "dd.MM.yyyy");

let start = process.hrtime.bigint();
const settings = { preHireDays: 7, retentionDays: 30 };
for (const p of people) lifecycleOf(p, "2026-11-25", settings);
console.log(`lifecycleOf: ${rows} people in ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`);
start = process.hrtime.bigint();
checkAnomalies(people, people.slice(0, rows - 1));
console.log(
  `checkAnomalies: ${rows} vs ${rows - 1} people in ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`,
);

const rss = process.memoryUsage().rss / 2 ** 20;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`memory: rss ${rss.toFixed(0)} MiB now, peak RSS ${peak.toFixed(0)} MiB`);
