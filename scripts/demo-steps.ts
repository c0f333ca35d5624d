/** What every demo story shares: its workspace, one step per idlc command, and which apps this machine can run. */
import pc from "picocolors";
import { slapdInstallCommand, slapdMissing } from "../sandbox/ldap";
import type { Workspace } from "./workspace";

export const APPS = ["entra", "google", "slack", "scim", "ldap"];

/** A person at a terminal watches the live view of each step; CI and pipes get its plain lines. */
const live = Boolean(process.stderr.isTTY && !process.env.CI);

export function heading(title: string): void {
  process.stdout.write(`\n${pc.bold(pc.cyan(`▶ ${title}`))}\n`);
}

/** Runs one idlc command of the story, streaming its output; with `keep`, only the lines it keeps, once it ends. */
export async function step(
  ws: Workspace,
  title: string,
  args: string[],
  keep?: (line: string) => boolean,
): Promise<void> {
  heading(title);
  process.stdout.write(`${pc.dim(`$ idlc ${args.join(" ")}`)}\n`);
  const { code, stdout, stderr } = await ws.idlc(args, { echo: !keep, live });
  if (keep) process.stdout.write(`${stdout}${stderr}`.split("\n").filter(keep).join("\n"));
  if (code !== 0) throw new Error(`idlc ${args.join(" ")} exited ${code}`);
}

/** The apps this machine can run; LDAP needs a real slapd, and is left out of the stack (one line says so) without. */
export function chooseApps(ws: Workspace): string[] {
  const why = slapdMissing();
  if (!why) return APPS;
  ws.dropApp("ldap");
  const fix = `To include it: ${slapdInstallCommand()}, then npm run demo again.`;
  process.stdout.write(`${pc.yellow(`⚠ LDAP skipped: ${why}. ${fix}`)}\n`);
  return APPS.filter((app) => app !== "ldap");
}

/** `idlc sandbox start`'s output, without the LDAP line when the stack was told why LDAP is left out. */
export const reportedFor =
  (apps: string[]) =>
  (line: string): boolean =>
    apps.includes("ldap") || !/^ldap\b/.test(line);
