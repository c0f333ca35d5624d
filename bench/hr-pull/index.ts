/**
 * `idlc hr pull` at 10,000 people against each vendor twin at its documented limits: API calls made vs the minimum
 * (⌈N/page⌉ list calls + auth), wall time and peak RSS (twin and client share this process), and that the export
 * rendered and validated. Usage: `npm run bench -- hr-pull [people]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pullExport, type HrVendor } from "../../provider/hr-sources";
import { createRequestCounter } from "../../provider/net";
import { personioEmployeeIdAttribute, startHrTwin } from "../../sandbox/hr";

const people = Number(process.argv[2] ?? 10_000);
const departments = ["Engineering", "Sales", "Marketing", "Finance", "People", "IT", "Support", "Legal"];

/** A company as a tree (each person reports to one of the first eighth); a few leavers and people on leave. */
function company(count: number): string {
  const lines = [
    "employee_id,first_name,last_name,work_email,title,department,location,manager_id,employment_type,status," +
      "hire_date,termination_date",
  ];
  for (let i = 1; i <= count; i++) {
    const id = `E${String(i).padStart(6, "0")}`;
    const manager = i === 1 ? "" : `E${String(Math.floor((i - 2) / 8) + 1).padStart(6, "0")}`;
    const status = i % 40 === 0 ? "terminated" : i % 33 === 0 ? "leave" : "active";
    const left = status === "terminated" ? "2026-10-01" : "";
    lines.push(
      `${id},First${i},Last${i},person${i}@example.com,Engineer,${departments[i % 8]},Berlin,${manager},` +
        `${i % 17 === 0 ? "contractor" : "employee"},${status},2020-0${1 + (i % 9)}-1${i % 10},${left}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Per vendor: its page size, and the auth calls a pull must make. */
const vendors: Array<{ vendor: HrVendor; page: number; auth: number; limit: string }> = [
  { vendor: "bamboohr", page: 2500, auth: 0, limit: "none published; 429/503 + Retry-After" },
  { vendor: "hibob", page: Infinity, auth: 0, limit: "50 req/min" },
  { vendor: "personio", page: 100, auth: 1, limit: "300 req/min, 15 req/s" },
  { vendor: "rippling", page: 100, auth: 0, limit: "none published; cursor pages of 100" },
  { vendor: "workday", page: Infinity, auth: 0, limit: "none published; one report run" },
];

async function main() {
  const text = company(people);
  const dir = mkdtempSync(path.join(tmpdir(), "idlc-bench-hr-pull-"));
  const today = new Date().toISOString().slice(0, 10);
  console.log(`| vendor | documented limit | calls (min) | retries | wall | peak RSS | people written |`);
  console.log(`|---|---|---:|---:|---:|---:|---:|`);
  try {
    for (const v of vendors) {
      const twin = await startHrTwin(v.vendor, { people: text });
      const counter = createRequestCounter();
      global.gc?.();
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const started = performance.now();
      const options: Record<string, string> =
        v.vendor === "personio" ? { employeeIdAttribute: personioEmployeeIdAttribute } : {};
      const pulled = await pullExport({
        vendor: v.vendor,
        connection: { url: twin.url, credential: twin.token, options, today, http: { counter } },
        file: path.join(dir, `${v.vendor}.csv`),
        read: {
          file: `${v.vendor}.csv`,
          preset: "generic",
          allowedDomains: ["example.com"],
          contractorEndDate: "warning",
        },
      });
      const wall = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const errors = pulled.issues.filter((i) => i.severity === "error");
      if (errors.length > 0) throw new Error(`${v.vendor}: ${errors.length} errors, first: ${errors[0]!.message}`);
      const calls = counter.get(`hr-${v.vendor}`);
      const minimum = v.auth + Math.max(1, Math.ceil(people / v.page));
      console.log(
        `| ${v.vendor} | ${v.limit} | ${calls.total} (${minimum}) | ${calls.retries} | ${wall.toFixed(1)} s | ` +
          `${(peak / 2 ** 20).toFixed(0)} MiB | ${pulled.people.length} |`,
      );
      await twin.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
