/**
 * The program's cost per account resource against the SDK's floor, in one run (issue #22 item 1):
 * `node --require tsx/cjs bench/identity-stack/account-cost.ts [resources]` (default 2,000) declares that many
 * EntraAccounts with a typical spec, and as many trivial dynamic resources (one property), each in its own child
 * process under `pulumi.runtime.setMocks` (no engine), and prints CPU per resource and heap retained per resource
 * (after a forced GC, the resources still referenced) — the account as a multiple of the trivial floor.
 * Kinds: `trivial`, `account` (EntraAccount as the stack declares it), `flat` (the same spec as ~25 top-level
 * properties, the shape before #22: the comparison that shows what one `spec` property saves).
 */
import { execFileSync } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";

interface Cost {
  kind: string;
  cpuMs: number;
  heapKb: number;
}

const spec = (i: number) => ({
  employeeId: `E${i}`,
  userName: `u${i}@example.com`,
  email: `u${i}@example.com`,
  givenName: "Ada",
  familyName: `P${i}`,
  displayName: `Ada P${i}`,
  title: "Engineer",
  department: "R&D",
  costCenter: "CC42",
  location: "Berlin",
  managerEmployeeId: "E1",
  employmentType: "employee" as const,
  enabled: true,
  lifecycle: "active" as const,
  groups: ["eng", "ops"],
  admin: false,
  approvals: [],
  lifecycleSince: "2024-01-01",
  grants: [
    { entitlement: "account", roleIds: ["employee"] },
    { entitlement: "group:eng", roleIds: ["dev"] },
  ],
});

async function measure(kind: string, count: number): Promise<Cost> {
  await pulumi.runtime.setMocks(
    { newResource: (a) => ({ id: `${a.name}_id`, state: a.inputs }), call: () => ({}) },
    "identity",
    "bench",
    false,
  );
  // Required after setMocks, as the SDK requires (a CommonJS require: the bench runs under tsx/cjs).
  const { EntraAccount } = require("../../provider/apps/entra") as typeof import("../../provider/apps/entra");
  const trivial: pulumi.dynamic.ResourceProvider = { create: async () => ({ id: "x", outs: {} }) };
  class Trivial extends pulumi.dynamic.Resource {}
  const outputs = { entraId: undefined, userPrincipalName: undefined, initialPassword: undefined, adopted: undefined };
  const started = process.cpuUsage();
  const declared: pulumi.CustomResource[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === "account") declared.push(new EntraAccount(`entra/E${i}`, spec(i)));
    else if (kind === "flat")
      declared.push(new Trivial(trivial, `f${i}`, { ...spec(i), ...outputs }, {}, "idlc", "Flat"));
    else declared.push(new Trivial(trivial, `t${i}`, { a: i }, {}, "idlc", "Trivial"));
  }
  await new Promise<void>((resolve) => pulumi.all(declared.map((r) => r.urn)).apply(() => resolve()));
  const cpu = process.cpuUsage(started);
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed;
  return { kind, cpuMs: (cpu.user + cpu.system) / 1000 / count, heapKb: heap / 1024 / count };
}

async function main(): Promise<void> {
  const [kind, countArg] = [process.env["ACCOUNT_COST_KIND"], process.argv[2]];
  const count = Number(countArg ?? 2000);
  if (kind) {
    process.stdout.write(JSON.stringify(await measure(kind, count)));
    return;
  }
  const run = (k: string): Cost =>
    JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", "--require", "tsx/cjs", __filename, String(count)], {
        env: { ...process.env, ACCOUNT_COST_KIND: k },
      }).toString(),
    ) as Cost;
  const [floor, account, flat] = ["trivial", "account", "flat"].map(run) as [Cost, Cost, Cost];
  for (const c of [account, flat]) {
    console.log(
      `${c.kind}: ${(c.cpuMs / floor.cpuMs).toFixed(2)}× floor CPU, ${(c.heapKb / floor.heapKb).toFixed(2)}× floor heap — ` +
        `${c.cpuMs.toFixed(2)} ms CPU and ${c.heapKb.toFixed(1)} KB per resource`,
    );
  }
  console.log(
    `floor (trivial dynamic resource, mocks): ${floor.cpuMs.toFixed(2)} ms CPU, ${floor.heapKb.toFixed(1)} KB per resource ` +
      `(${count} resources each)`,
  );
}

void main();
