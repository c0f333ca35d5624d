/** What `idlc sspr serve`, `send-link` and `activate` do once parsed (cli/commands/sspr.ts defines them). */
import { statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { findProject, openStackSecrets, resolveStackName, reveal, type Project } from "../../engine/project";
import { passphraseFromEnv } from "../../engine/secrets";
import { loadStackPlan } from "../../provider/stack-plan";
import { hrSettingsOf, SsprSettings } from "../../provider/config";
import { ldapSettingsSchema } from "../../provider/apps/ldap";
import { entraSettingsSchema, type EntraSettings } from "../../provider/apps/entra";
import { googleSettingsSchema, type GoogleSettings } from "../../provider/apps/google";
import { resolveSandboxSettings } from "../../provider/apps/shared";
import {
  accountsSince,
  auditLog,
  serviceLogFile,
  DEFAULT_RATE_RULES,
  entraTarget,
  googleTarget,
  ldapTarget,
  policyFrom,
  portalApp,
  smtpMailer,
  SsprService,
  subjectsOf,
  workMailChannel,
  type PasswordTarget,
  type SmtpSettings,
  type Subject,
} from "../../provider/sspr";
import { buildSnapshots, effectiveTime } from "../../provider/audit";
import type { SsprActivateOptions, SsprSendLinkOptions, SsprServeOptions } from "../commands/sspr";
import { loadAuditSource } from "./audit";
import { UsageError } from "../exit";
import { whoRuns } from "../actor";

/** How long the portal trusts its view of HR before reading the export again. */
const RELOAD_MS = 60_000;

interface Context {
  service: SsprService;
  settings: SsprSettings;
  publicUrl: string;
}

async function context(options: { cwd?: string; stack?: string; publicUrl?: string }, by: string): Promise<Context> {
  const project = findProject(path.resolve(options.cwd ?? process.cwd()));
  const stack = resolveStackName(project, options.stack);
  const load = () => loadStackPlan({ cwd: project.dir, stack, asOf: new Date().toISOString().slice(0, 10) });
  const first = load();
  if (!first.stack.settings.sspr) {
    throw new UsageError(
      `stack ${stack} has no identity:sspr setting`,
      "Add identity:sspr with publicUrl, targets and smtp (see docs/SSPR.md).",
    );
  }
  const raw = await revealed(project, stack, first.stack.raw);
  const settings = SsprSettings.parse(raw["identity:sspr"]);
  const publicUrl = options.publicUrl ?? settings.publicUrl;
  // HR is read again as soon as the export or the kill switch's overrides change (a joiner's activation link, a
  // kill switch, must count at once) and at least every minute (lifecycle follows the day).
  const inputs = [path.resolve(first.stack.stackDir, hrSettingsOf(first.stack).file), first.overridesFile];
  const stamp = () => inputs.map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0).join(":");
  let cached = { at: Date.now(), stamp: stamp(), subjects: fromPlan(first) };
  const subjects = (): Subject[] => {
    const now = stamp();
    if (now !== cached.stamp || Date.now() - cached.at > RELOAD_MS) {
      cached = { at: Date.now(), stamp: now, subjects: fromPlan(load()) };
    }
    return cached.subjects;
  };
  const workDir = path.join(project.dir, ".idlc", "sspr", stack);
  const send = smtpMailer(smtpOf(settings, project.dir));
  const service = new SsprService({
    subjects,
    stateFile: path.join(workDir, "state.json"),
    publicUrl,
    policy: policyFrom({ minLength: settings.minLength, maxLength: settings.maxLength }),
    rates: DEFAULT_RATE_RULES,
    companyWords: settings.companyWords,
    targets: settings.targets.map((app) => named(targetFor(app, raw, project.dir), settings.names[app])),
    forceChange: settings.forceChange,
    send,
    ...(settings.codes ? { codes: workMailChannel(send) } : {}),
    audit: auditLog(serviceLogFile(project.dir, stack)),
  });
  process.stderr.write(
    `sspr: stack ${stack}, state and audit log in ${path.relative(process.cwd(), workDir)} (${by})\n`,
  );
  return { service, settings, publicUrl };
}

function fromPlan(plan: ReturnType<typeof loadStackPlan>): Subject[] {
  return subjectsOf(
    plan.people,
    plan.plan,
    plan.overrides.map((o) => o.employeeId),
  );
}

function targetFor(app: string, raw: Record<string, unknown>, projectDir: string): PasswordTarget {
  if (app !== "ldap" && app !== "entra" && app !== "google") {
    throw new UsageError(
      `identity:sspr.targets names ${app}, which idlc sspr cannot write passwords to`,
      "Name only ldap, entra and google: the apps that hold a password (Slack and SCIM apps sign in through them).",
    );
  }
  const value = resolveSandboxSettings(app, raw[`identity:${app}`], projectDir);
  if (app === "ldap") return ldapTarget(ldapSettingsSchema(z).parse(value));
  if (app === "entra") return entraTarget(entraSettingsSchema(z).parse(value) as EntraSettings);
  return googleTarget(googleSettingsSchema(z).parse(value) as GoogleSettings);
}

/** The target as people know it (`identity:sspr.names`); unnamed, it shows its kind's default name. */
const named = (target: PasswordTarget, name: string | undefined): PasswordTarget =>
  name ? { ...target, name } : target;

function smtpOf(settings: SsprSettings, projectDir: string): SmtpSettings {
  if ("sandbox" in settings.smtp) {
    return {
      ...(resolveSandboxSettings("mail", { sandbox: true }, projectDir) as Omit<SmtpSettings, "from">),
      from: settings.smtp.from,
    };
  }
  const { password, ...rest } = settings.smtp;
  return { ...rest, password: typeof password === "string" ? password : undefined };
}

/**
 * The stack file's config with every `secure:` value decrypted (SMTP password, app credentials), under the
 * passphrase as the Pulumi CLI reads it; a file without one is used as written and needs no passphrase.
 */
async function revealed(project: Project, stack: string, raw: Record<string, unknown>) {
  if (!JSON.stringify(raw).includes('"secure"')) return raw;
  const secrets = await openStackSecrets(project, stack, { passphrase: passphraseFromEnv(), persist: false });
  return reveal(raw, (ciphertext) => secrets.decrypt(ciphertext)).value as Record<string, unknown>;
}

export async function serve(options: SsprServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${options.port} is not a port`, "Give 0–65535.");
  const { service, settings, publicUrl } = await context(options, "serve");
  const app = portalApp({ service, policy: policyFrom(settings), publicUrl, trustProxy: settings.trustProxy });
  await new Promise<void>((resolve) => {
    const server = app.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      process.stdout.write(`sspr portal on http://127.0.0.1:${bound}/ (links go to ${publicUrl})\n`);
    });
    const stop = () => server.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

export async function sendLink(employeeId: string, options: SsprSendLinkOptions): Promise<number> {
  const by = whoRuns(path.resolve(options.cwd ?? process.cwd()), options.by);
  const { service } = await context(options, `send-link by ${by}`);
  await service.sendHelpdeskLink(employeeId, by, options.reason, options.to);
  process.stdout.write(
    `A reset link for ${employeeId} was sent${options.to ? ` to ${options.to}` : ""}; it works once, for 15 minutes.\n`,
  );
  return 0;
}

export async function activate(options: SsprActivateOptions): Promise<number> {
  const withinDays = Number(options.withinDays);
  if (!Number.isInteger(withinDays) || withinDays < 0) {
    throw new UsageError(
      `--within-days ${options.withinDays} is not a number of days`,
      "Give a whole number, e.g. 14.",
    );
  }
  const by = whoRuns(path.resolve(options.cwd ?? process.cwd()), options.by);
  const { service, settings } = await context(options, `activate by ${by}`);
  // Which accounts exist, and since when: the stack's own recorded states, as the audit commands read them.
  const source = loadAuditSource({ stack: options.stack, cwd: options.cwd, backend: options.backend });
  const states = buildSnapshots(source.updates).map((s) => ({
    time: effectiveTime(s.update),
    accounts: s.accounts.values(),
  }));
  const today = new Date().toISOString().slice(0, 10);
  const facts = { accountsSince: accountsSince(states, settings.targets), today, withinDays };
  const run = await service.sendActivations(facts, by, options.dryRun);
  const verb = options.dryRun ? "would send" : "sent";
  const who = run.sent.length ? `: ${run.sent.join(", ")}` : "";
  process.stdout.write(`${verb} ${run.sent.length} activation link(s)${who}\n`);
  // Run again (daily, after each up), it says why the people it already mailed get nothing this time.
  const skipped = (why: string) => Object.keys(run.skipped).filter((id) => run.skipped[id] === why);
  const activated = skipped("activated");
  const pending = skipped("link-pending");
  if (activated.length) process.stdout.write(`no new link, password already set: ${activated.join(", ")}\n`);
  if (pending.length) process.stdout.write(`no new link, theirs still works: ${pending.join(", ")}\n`);
  if (run.failed.length) process.stdout.write(`could not mail: ${run.failed.join(", ")} (see the portal log)\n`);
  return run.failed.length ? 1 : 0;
}
