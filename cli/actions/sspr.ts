/** What `idlc sspr serve` and `idlc sspr send-link` do once parsed (cli/commands/sspr.ts defines them). */
import path from "node:path";
import { z } from "zod";
import { findProject, resolveStackName } from "../../engine/project";
import { loadStackPlan } from "../../provider/stack";
import type { SsprSettings } from "../../provider/config";
import { ldapSettingsSchema } from "../../provider/apps/ldap";
import { entraSettingsSchema, type EntraSettings } from "../../provider/apps/entra";
import { resolveSandboxSettings } from "../../provider/apps/shared";
import {
  auditLog, DEFAULT_RATE_RULES, entraTarget, ldapTarget, policyFrom, portalApp, smtpMailer, SsprService, subjectsOf,
  type PasswordTarget, type SmtpSettings, type Subject,
} from "../../provider/sspr";
import type { SsprSendLinkOptions, SsprServeOptions } from "../commands/sspr";
import { UsageError } from "../exit";

/** How long the portal trusts its view of HR before reading the export again. */
const RELOAD_MS = 60_000;

interface Context {
  service: SsprService;
  settings: SsprSettings;
  publicUrl: string;
}

function context(options: { cwd?: string; stack?: string; publicUrl?: string }, by: string): Context {
  const project = findProject(path.resolve(options.cwd ?? process.cwd()));
  const stack = resolveStackName(project, options.stack);
  const load = () => loadStackPlan({ cwd: project.dir, stack, asOf: new Date().toISOString().slice(0, 10) });
  const first = load();
  const settings = first.stack.settings.sspr;
  if (!settings) {
    throw new UsageError(`stack ${stack} has no identity:sspr setting`,
      "Add identity:sspr with publicUrl, targets and smtp (see docs/SSPR.md).");
  }
  const raw = first.stack.raw;
  const publicUrl = options.publicUrl ?? settings.publicUrl;
  let cached = { at: Date.now(), subjects: fromPlan(first) };
  const subjects = (): Subject[] => {
    if (Date.now() - cached.at > RELOAD_MS) cached = { at: Date.now(), subjects: fromPlan(load()) };
    return cached.subjects;
  };
  const workDir = path.join(project.dir, ".idlc", "sspr", stack);
  const service = new SsprService({
    subjects,
    stateFile: path.join(workDir, "state.json"),
    publicUrl,
    policy: policyFrom({ minLength: settings.minLength, maxLength: settings.maxLength }),
    rates: DEFAULT_RATE_RULES,
    companyWords: settings.companyWords,
    targets: settings.targets.map((app) => targetFor(app, raw, project.dir)),
    forceChange: settings.forceChange,
    send: smtpMailer(smtpOf(settings, project.dir)),
    audit: auditLog(path.join(workDir, "audit.jsonl")),
  });
  process.stderr.write(`sspr: stack ${stack}, state and audit log in ${path.relative(process.cwd(), workDir)} (${by})\n`);
  return { service, settings, publicUrl };
}

function fromPlan(plan: ReturnType<typeof loadStackPlan>): Subject[] {
  return subjectsOf(plan.people, plan.plan, plan.overrides.map((o) => o.employeeId));
}

function targetFor(app: string, raw: Record<string, unknown>, projectDir: string): PasswordTarget {
  if (app !== "ldap" && app !== "entra") {
    throw new UsageError(`identity:sspr.targets names ${app}, which idlc sspr cannot write to yet`,
      "Use ldap and entra for now; Google password writes are the next step of issue #20.");
  }
  const value = resolveSandboxSettings(app, raw[`identity:${app}`], projectDir);
  refuseEncrypted(`identity:${app}`, value);
  return app === "ldap" ? ldapTarget(ldapSettingsSchema(z).parse(value))
    : entraTarget(entraSettingsSchema(z).parse(value) as EntraSettings);
}

function smtpOf(settings: SsprSettings, projectDir: string): SmtpSettings {
  if ("sandbox" in settings.smtp) {
    return { ...(resolveSandboxSettings("mail", { sandbox: true }, projectDir) as Omit<SmtpSettings, "from">),
      from: settings.smtp.from };
  }
  refuseEncrypted("identity:sspr.smtp", settings.smtp);
  const { password, ...rest } = settings.smtp;
  return { ...rest, password: typeof password === "string" ? password : undefined };
}

/** `secure:` values need the stack's secrets provider, which this command does not open yet: say so plainly. */
function refuseEncrypted(key: string, value: unknown): void {
  if (JSON.stringify(value ?? null).includes('"secure"')) {
    throw new UsageError(`${key} holds an encrypted (secure:) value, which idlc sspr cannot decrypt yet`,
      "Run the portal against the sandbox, or follow docs/SSPR.md#secrets for the interim set-up.");
  }
}

export async function serve(options: SsprServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port} is not a port`, "Give 0–65535.");
  const { service, settings, publicUrl } = context(options, "serve");
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
  const by = options.by ?? process.env.USER ?? "unknown";
  const { service } = context(options, `send-link by ${by}`);
  await service.sendHelpdeskLink(employeeId, by, options.reason, options.to);
  process.stdout.write(`A reset link for ${employeeId} was sent${options.to ? ` to ${options.to}` : ""}; it works once, for 15 minutes.\n`);
  return 0;
}
