/**
 * `npm run demo -- sspr`: self-service password reset on the built-in sandbox. The demo company's accounts are
 * created (each with a random initial password nobody sees); then Leah Cohen (IT support: accounts in LDAP, Entra
 * and Google), who forgot hers, asks the portal for a link, which arrives at the recovery address HR holds for her
 * (the sandbox's inbox), sets a new password, and the demo proves each password authority holds it: a bind to the
 * real slapd, and the Entra and Google emulators' check. Then a joiner's day one (demo-sspr-activation.ts): her
 * accounts, her activation link, her first password; and `idlc audit verify` shows the stack's chain pinning the
 * portal's log. Works in `.idlc/demo/` like `npm run demo`, and ends with the audit commands that show both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import pc from "picocolors";
import { parseDocument } from "yaml";
import { sandboxStatus, type SandboxState } from "../sandbox";
import { chooseApps, heading, reportedFor, step } from "./demo-steps";
import { dayOne, JOINER } from "./demo-sspr-activation";
import { bindsInLdap, holdsInEmulator, mailTo } from "./demo-sspr-checks";
import { Browser, linkIn } from "./portal-client";
import { createWorkspaceAt, repoRoot, type Workspace } from "./workspace";

const PERSON = { employeeId: "E061", name: "Leah Cohen", workEmail: "leah.cohen@example.com" };
const RECOVERY = "leah.cohen@home.example";
/** Long, no composition rules needed (NIST 800-63B); it also meets Entra's and Google's own rules. */
const CHOSEN = "Velvet harbor quinoa sprocket 42";
const PASSWORD_AUTHORITIES = ["ldap", "entra", "google"];

const say = (line: string) => process.stdout.write(`${line}\n`);
const ok = (line: string) => say(`${pc.green("✔")} ${line}`);

/** A loopback port free now, so the portal's public URL (where links point) is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Turns the portal on in the workspace's copy of the demo stack, and gives HR's export a recovery address. */
function enableSspr(ws: Workspace, targets: string[], publicUrl: string): void {
  const stackFile = path.join(ws.dir, "stacks", "Pulumi.demo.yaml");
  const doc = parseDocument(readFileSync(stackFile, "utf8"));
  doc.setIn(["config", "identity:sspr"], {
    publicUrl,
    targets,
    companyWords: ["Example"],
    smtp: { sandbox: true, from: "it-helpdesk@example.com" },
  });
  writeFileSync(stackFile, doc.toString());
  ws.editPeople((rows) => {
    const [header, ...people] = rows;
    return [
      [...header!, "personal_email"],
      ...people.map((row) => [...row, row[0] === PERSON.employeeId ? RECOVERY : ""]),
    ];
  });
}

/** Starts `idlc sspr serve` in the workspace and resolves once it listens. */
async function startPortal(ws: Workspace, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, "bin", "idlc.js"), "sspr", "serve", "--stack", "demo", "--port", String(port)],
    { cwd: ws.dir, env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo", ...process.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("sspr portal on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`idlc sspr serve exited ${code}:\n${output}`)));
  });
  return child;
}

/** Each password authority holds the new password, and not a wrong one: one line per app. */
async function prove(sandbox: SandboxState, targets: string[]): Promise<void> {
  for (const app of targets) {
    if (app === "ldap") {
      const chosen = await bindsInLdap(sandbox, PERSON.employeeId, CHOSEN);
      const wrong = await bindsInLdap(sandbox, PERSON.employeeId, `${CHOSEN} (not it)`);
      if (!chosen.binds || wrong.binds)
        throw new Error(`slapd: binding as ${chosen.dn} did not prove the new password`);
      ok(`ldap: a bind as ${chosen.dn} with the new password succeeds, with any other it fails (real slapd)`);
    } else {
      if (
        !(await holdsInEmulator(sandbox, app, PERSON.workEmail, CHOSEN)) ||
        (await holdsInEmulator(sandbox, app, PERSON.workEmail, `${CHOSEN}!`))
      ) {
        throw new Error(`${app}: the emulator does not hold the new password`);
      }
      ok(`${app}: the emulator holds the new password for ${PERSON.workEmail}`);
    }
  }
}

/** Leah's reset, walked over HTTP as her browser would. */
async function reset(publicUrl: string, inbox: string): Promise<void> {
  heading(`${PERSON.name} forgot her password: she asks the portal (${publicUrl}) for a link`);
  const browser = new Browser(publicUrl);
  await browser.get("/");
  await browser.post("/request", { identifier: PERSON.workEmail, csrf: browser.csrf });
  const link = linkIn((await mailTo(inbox, RECOVERY, /reset/i)).text);
  ok(`the link arrived at the recovery address HR holds for her, ${RECOVERY} (inbox: ${inbox}):`);
  say(`  ${link}`);
  heading("She opens it and chooses a new password");
  const token = new URL(link).searchParams.get("token")!;
  await browser.get(`/reset?token=${token}`);
  const done = await browser.post("/reset", { token, password: CHOSEN, confirm: CHOSEN, csrf: browser.csrf });
  if (done.status !== 200) throw new Error(`the portal answered ${done.status}:\n${done.html}`);
  ok("the portal set it in every password authority");
  await mailTo(inbox, PERSON.workEmail, /changed/i);
  ok(`a "your password was changed" mail (without the password) reached ${PERSON.workEmail}`);
}

export async function ssprDemo(): Promise<void> {
  const started = Date.now();
  const ws = createWorkspaceAt(path.join(repoRoot, ".idlc", "demo"));
  const relDir = path.relative(process.cwd(), ws.dir) || ".";
  say(
    `${pc.bold("idlc demo: self-service password reset")} in ${relDir} (a copy of the project; sandbox on 127.0.0.1)`,
  );
  const apps = chooseApps(ws);
  const targets = PASSWORD_AUTHORITIES.filter((app) => apps.includes(app));
  const publicUrl = `http://127.0.0.1:${await freePort()}/`;
  enableSspr(ws, targets, publicUrl);
  let portal: ChildProcess | undefined;
  try {
    await step(
      ws,
      `Start the local sandbox (apps: ${apps.join(", ")}, and a mail catcher)`,
      ["sandbox", "start"],
      reportedFor(apps),
    );
    await step(ws, "Create the accounts: each gets a random initial password nobody sees", [
      "up",
      "--stack",
      "demo",
      "--yes",
    ]);
    const sandbox = sandboxStatus({ projectDir: ws.dir });
    if (!sandbox) throw new Error("the sandbox stopped");
    heading(`Start the reset portal (password authorities: ${targets.join(", ")})`);
    say(pc.dim(`$ idlc sspr serve --stack demo --port ${new URL(publicUrl).port}`));
    portal = await startPortal(ws, Number(new URL(publicUrl).port));
    await reset(publicUrl, sandbox.apps.mail!.url);
    heading("Proof: each password authority holds the new password");
    await prove(sandbox, targets);
    await dayOne(ws, sandbox, { publicUrl, like: PERSON.employeeId, targets });
    await step(ws, "The stack's audit chain pins the portal's log: idlc audit verify", [
      "audit",
      "verify",
      "--stack",
      "demo",
    ]);
  } finally {
    portal?.kill("SIGTERM");
    await ws.idlc(["sandbox", "stop"]);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  say(`\n${pc.green("✔")} sspr demo finished in ${seconds} s (password authorities: ${targets.join(", ")})`);
  say(`\nLook around (the workspace stays in ${relDir}; \`npm run demo\` replaces it):`);
  say(`  npx idlc audit person ${PERSON.employeeId} -C ${relDir}`);
  say(`    ${pc.dim("her reset, step by step, in the audit trail (request, link sent, link used, each app)")}`);
  say(`  npx idlc audit person ${JOINER.employeeId} -C ${relDir}`);
  say(`    ${pc.dim("the joiner's day one: her accounts created, the activation link, her first password")}`);
}
