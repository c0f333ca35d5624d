/**
 * `npm run demo`: the main job on the built-in sandbox — validate, preview, up, then an HR change (a joiner, a
 * mover, a leaver) with its diff, preview and up, the history and the compliance report. It works in `.idlc/demo/`
 * (a copy of the project, replaced by the next run) and leaves it there, sandbox stopped and data kept, with the
 * commands to look around. Without slapd it runs every other app and says, in one line, how to add LDAP.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import pc from "picocolors";
import { chooseApps, reportedFor, step } from "./demo-steps";
import { ssprDemo } from "./demo-sspr";
import { createWorkspaceAt, repoRoot, type Workspace } from "./workspace";
import { nextSteps } from "./next-steps";

const today = new Date().toISOString().slice(0, 10);
/** Today's leaver in `hrChange`. */
const LEAVER = "E013";

/**
 * A day of HR changes: Ines Moreau joins Engineering, Amelia Clarke moves from Marketing to Sales, Mateo Rossi
 * leaves today.
 */
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
    set(LEAVER, "status", "terminated");
    set(LEAVER, "termination_date", today);
    const joiner = header.map(() => "");
    Object.entries({
      employee_id: "E080",
      first_name: "Ines",
      last_name: "Moreau",
      work_email: "ines.moreau@example.com",
      title: "Software Engineer",
      department: "Engineering",
      location: "Berlin",
      manager_id: "E010",
      employment_type: "employee",
      status: "active",
      hire_date: today,
    }).forEach(([k, v]) => (joiner[col(k)] = v));
    return [...rows, joiner];
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const ws = createWorkspaceAt(path.join(repoRoot, ".idlc", "demo"));
  const relDir = path.relative(process.cwd(), ws.dir) || ".";
  process.stdout.write(`${pc.bold("idlc demo")} in ${relDir} (a copy of the project; the sandbox runs on 127.0.0.1)\n`);
  const apps = chooseApps(ws);
  try {
    // The stack was told why LDAP is left out; the sandbox need not say it again.
    await step(ws, `Start the local sandbox (apps: ${apps.join(", ")})`, ["sandbox", "start"], reportedFor(apps));
    await step(ws, "Validate the HR export, roles, approvals and persona tests", ["validate", "--stack", "demo"]);
    const preview = ["preview", "--stack", "demo", "--policy-pack", "policies"];
    await step(ws, "Preview: what would change, checked by the policy pack", preview);
    await step(ws, "Apply: one account per person per app", ["up", "--stack", "demo", "--yes"]);
    const before = path.join(ws.dir, "people-before.csv");
    copyFileSync(ws.peopleFile, before);
    hrChange(ws);
    await step(ws, "HR exports a change: who joins, moves and leaves", ["diff", "--stack", "demo", "--from", before]);
    await step(ws, "Preview the change", preview);
    const applyTitle = "Apply it: the leaver is disabled today, the mover's old access goes as the new arrives";
    await step(ws, applyTitle, ["up", "--stack", "demo", "--yes"]);
    await step(ws, "The audit trail: every update, with its changes", ["history", "--stack", "demo"]);
    await step(ws, "The compliance report", ["report", "--stack", "demo", "--out", "report.html"]);
  } finally {
    // Stopped, not removed: the sandbox's data stays beside the state, so `idlc sandbox start` there resumes it.
    await ws.idlc(["sandbox", "stop"]);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${pc.green("✔")} demo finished in ${seconds} s (apps: ${apps.join(", ")})\n`);
  const next = nextSteps(relDir, LEAVER).map((s) => `  ${s.line}\n    ${pc.dim(s.what)}`);
  const intro = `Look around (the workspace stays in ${relDir}; \`npm run demo\` replaces it):`;
  process.stdout.write(`\n${intro}\n${next.join("\n")}\n`);
}

const story = process.argv[2];
if (story !== undefined && story !== "sspr") {
  process.stderr.write(
    `${pc.red("demo failed:")} unknown demo "${story}": run \`npm run demo\` or \`npm run demo -- sspr\`\n`,
  );
  process.exit(2);
}
(story === "sspr" ? ssprDemo() : main()).catch((err: Error) => {
  process.stderr.write(`${pc.red("demo failed:")} ${err.message}\n`);
  process.exit(1);
});
