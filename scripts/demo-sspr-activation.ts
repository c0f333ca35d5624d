/**
 * Day one in the SSPR demo: HR adds a joiner who starts today, `idlc up` creates her accounts (with a random initial
 * password nobody sees), `idlc sspr activate` mails an activation link to the recovery address HR holds for her,
 * and the password she chooses there binds to the real slapd. Run again — as the daily job does — activate sends
 * her no second link, and says so. Everything runs through the real `idlc` in the demo workspace.
 */
import pc from "picocolors";
import type { SandboxState } from "../sandbox";
import { bindsInLdap, holdsInEmulator, mailTo } from "./demo-sspr-checks";
import { heading, step } from "./demo-steps";
import { Browser, linkIn } from "./portal-client";
import type { Workspace } from "./workspace";

export const JOINER = {
  employeeId: "E090",
  name: "Noor Haddad",
  workEmail: "noor.haddad@example.com",
  recovery: "noor.haddad@home.example",
};
/** Her first password: long, and it meets Entra's and Google's own rules too. */
const FIRST = "Copper meadow lantern 77 fjord";

const ok = (line: string) => process.stdout.write(`${pc.green("✔")} ${line}\n`);

/** HR's export gains the joiner: a copy of `like`'s row (same team, so the same apps), starting today. */
function addJoiner(ws: Workspace, like: string): void {
  ws.editPeople((rows) => {
    const header = rows[0]!;
    const column = (name: string) => header.indexOf(name);
    const row = [...rows.find((r) => r[0] === like)!];
    row[column("employee_id")] = JOINER.employeeId;
    row[column("first_name")] = "Noor";
    row[column("last_name")] = "Haddad";
    row[column("work_email")] = JOINER.workEmail;
    row[column("hire_date")] = new Date().toISOString().slice(0, 10);
    row[column("personal_email")] = JOINER.recovery;
    return [...rows, row];
  });
}

export async function dayOne(
  ws: Workspace,
  sandbox: SandboxState,
  options: { publicUrl: string; like: string; targets: string[] },
): Promise<void> {
  const inbox = sandbox.apps.mail!.url;
  addJoiner(ws, options.like);
  await step(ws, `Day one: HR adds ${JOINER.name}, who starts today; idlc up creates her accounts`, [
    "up",
    "--stack",
    "demo",
    "--yes",
  ]);
  await step(ws, "Send activation links to joiners whose accounts exist (run after each up, and daily)", [
    "sspr",
    "activate",
    "--stack",
    "demo",
  ]);
  const link = linkIn((await mailTo(inbox, JOINER.recovery, /activate/i)).text);
  ok(`the activation link arrived at the recovery address HR holds for her, ${JOINER.recovery}`);
  heading("She opens it and chooses her first password");
  const browser = new Browser(options.publicUrl);
  const token = new URL(link).searchParams.get("token")!;
  await browser.get(`/reset?token=${token}`);
  const done = await browser.post("/reset", { token, password: FIRST, confirm: FIRST, csrf: browser.csrf });
  if (done.status !== 200) throw new Error(`the portal answered ${done.status}:\n${done.html}`);
  if (options.targets.includes("ldap")) {
    const chosen = await bindsInLdap(sandbox, JOINER.employeeId, FIRST);
    if (!chosen.binds) throw new Error(`slapd: binding as ${chosen.dn} with her first password failed`);
    ok(`ldap: a bind as ${chosen.dn} with the password she chose succeeds (real slapd)`);
  } else {
    if (!(await holdsInEmulator(sandbox, "entra", JOINER.workEmail, FIRST))) {
      throw new Error("entra: the emulator does not hold her first password");
    }
    ok(`entra: the emulator holds the password she chose for ${JOINER.workEmail}`);
  }
  await step(ws, "Run activate again, as the daily job does: nobody who set a password gets a second link", [
    "sspr",
    "activate",
    "--stack",
    "demo",
  ]);
}
