/**
 * `npm run demo`: the main job on the built-in sandbox, in a throwaway copy of the project — validate, preview,
 * up, then an HR change (a joiner, a mover, a leaver) with its diff, preview and up, then the history.
 */
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { createWorkspace, type Workspace } from "./workspace";

const today = new Date().toISOString().slice(0, 10);

async function step(ws: Workspace, title: string, args: string[]): Promise<void> {
  process.stdout.write(`\n${pc.bold(pc.cyan(`▶ ${title}`))}\n${pc.dim(`$ idlc ${args.join(" ")}`)}\n`);
  const { code } = await ws.idlc(args, { echo: true, env: { CI: process.env.CI ?? "1" } });
  if (code !== 0) throw new Error(`idlc ${args.join(" ")} exited ${code}`);
}

/** A day of HR changes: Ines Moreau joins Engineering, Amelia Clarke moves from Marketing to Sales, Mateo Rossi leaves today. */
function hrChange(ws: Workspace): void {
  ws.editPeople((rows) => {
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const set = (id: string, field: string, value: string) => {
      const row = rows.find((r) => r[0] === id);
      if (row) row[col(field)] = value;
    };
    set("E031", "department", "Sales");
    set("E031", "title", "Account Executive");
    set("E031", "manager_id", "E021");
    set("E013", "status", "terminated");
    set("E013", "termination_date", today);
    const joiner = header.map(() => "");
    Object.entries({ employee_id: "E080", first_name: "Ines", last_name: "Moreau", work_email: "ines.moreau@example.com",
      title: "Software Engineer", department: "Engineering", location: "Berlin", manager_id: "E010", employment_type: "employee",
      status: "active", hire_date: today }).forEach(([k, v]) => (joiner[col(k)] = v));
    return [...rows, joiner];
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const ws = createWorkspace();
  process.stdout.write(`${pc.bold("idlc demo")} in ${ws.dir} (a throwaway copy; the sandbox runs on 127.0.0.1)\n`);
  try {
    await step(ws, "Start the local sandbox (Entra, Google, Slack, SCIM, LDAP emulators)", ["sandbox", "start"]);
    await step(ws, "Validate the HR export, roles, approvals and persona tests", ["validate", "--stack", "demo"]);
    await step(ws, "Preview: what would change, checked by the policy pack", ["preview", "--stack", "demo", "--policy-pack", "policies"]);
    await step(ws, "Apply: one account per person per app", ["up", "--stack", "demo", "--yes"]);
    const before = path.join(ws.dir, "people-before.csv");
    copyFileSync(ws.peopleFile, before);
    hrChange(ws);
    await step(ws, "HR exports a change: who joins, moves and leaves", ["diff", "--stack", "demo", "--from", before]);
    await step(ws, "Preview the change", ["preview", "--stack", "demo", "--policy-pack", "policies"]);
    await step(ws, "Apply it: the leaver is disabled today, the mover's old access goes as the new arrives", ["up", "--stack", "demo", "--yes"]);
    await step(ws, "The audit trail: every update, with its changes", ["history", "--stack", "demo"]);
    process.stdout.write(`\n${pc.green("✔")} demo finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
  } finally {
    await ws.idlc(["sandbox", "stop"]);
    if (!process.env.IDLC_DEMO_KEEP) rmSync(ws.dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${pc.red("demo failed:")} ${err.message}\n`);
  process.exit(1);
});
