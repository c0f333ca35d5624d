/**
 * access-resolve: 100,000 people × 50 roles × 5 apps through `resolve` (goal < 3 s), plus the plan's canonical JSON.
 * `npm run bench -- access-resolve [people]`; prints times and peak RSS, one figure per line.
 */
import { loadavg } from "node:os";
import { buildCatalog, parseRolesYaml, planChunks, resolve } from "../../provider/access";
import type { LifecycleState, Person } from "../../provider/hr/person";
import { adminApprovals, syntheticPeople, syntheticRoles } from "./org";

const count = Number(process.argv[2] ?? 100_000);
const people = syntheticPeople(count);
const catalog = buildCatalog([parseRolesYaml(syntheticRoles(count), "bench-roles.yaml")]);
const lifecycle = (p: Person): LifecycleState => (p.status === "terminated" ? "terminated" : p.status);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

let start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const plan = resolve(
  people,
  catalog,
  { lifecycle, emailDomain: "example.com", approvals: adminApprovals(people) },
  "2026-06-01",
);
const resolveMs = ms(start);
const resolveCpu = process.cpuUsage(cpu);
start = process.hrtime.bigint();
const serializeCpu = process.cpuUsage();
let bytes = 0;
for (const chunk of planChunks(plan)) bytes += Buffer.byteLength(chunk);
const serializeMs = ms(start);
const serializeCpuUsed = process.cpuUsage(serializeCpu);

const accounts = plan.people.reduce((n, p) => n + p.accounts.length, 0);
console.log(`people          ${count}`);
console.log(`roles           ${catalog.roles.size}`);
console.log(`rules           ${catalog.rules.length}`);
console.log(`accounts        ${accounts}`);
console.log(`groups          ${plan.groups.length}`);
console.log(`grants          ${catalog.grants.length}`);
console.log(
  `issues          ${plan.issues.length} (SoD conflicts seeded on purpose: leads whose cost center also gives the audit role)`,
);
console.log(
  `resolve         ${(resolveMs / 1000).toFixed(2)} s wall, ${((resolveCpu.user + resolveCpu.system) / 1e6).toFixed(2)} s CPU   (goal < 3 s)`,
);
console.log(`load average    ${loadavg()[0].toFixed(1)} (other work on the machine inflates wall time)`);
console.log(
  `serializePlan   ${(serializeMs / 1000).toFixed(2)} s wall, ${((serializeCpuUsed.user + serializeCpuUsed.system) / 1e6).toFixed(2)} s CPU   (${(bytes / 1e6).toFixed(0)} MB of canonical JSON)`,
);
console.log(`peak RSS        ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
