/**
 * A running portal for the sspr tests: the real service, state file and audit log in a temp dir, mail through
 * nodemailer to the sandbox SMTP catcher, and a small cookie-keeping HTTP client that fills in CSRF fields.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { startCatcher, type RunningCatcher } from "../../sandbox/mail";
import {
  auditLog,
  DEFAULT_POLICY,
  DEFAULT_RATE_RULES,
  portalApp,
  smtpMailer,
  SsprService,
  workMailChannel,
  type PasswordTarget,
  type RateRules,
  type Subject,
} from "../../provider/sspr";

export interface Portal {
  url: string;
  dir: string;
  stateFile: string;
  auditFile: string;
  catcher: RunningCatcher;
  service: SsprService;
  stop(): Promise<void>;
}

export async function startPortal(options: {
  subjects: Subject[];
  targets: PasswordTarget[];
  /** Default `https://reset.example.com/portal/`; `"self"` uses the portal's own loopback URL (browser tests). */
  publicUrl?: string;
  rates?: RateRules;
  dir?: string;
  /** Where the portal's event chain goes (default: in `dir`), e.g. a stack's own `serviceLogFile`. */
  auditFile?: string;
  catcher?: RunningCatcher;
  now?: () => number;
  answerFloorMs?: number;
  /** Second-channel codes through the work mailbox (`identity:sspr.codes`). */
  codes?: boolean;
}): Promise<Portal> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "sspr-"));
  // Listen first, so a portal that links to itself knows its port before the service is built.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const publicUrl =
    options.publicUrl === "self" ? `${url}/` : (options.publicUrl ?? "https://reset.example.com/portal/");
  const catcher = options.catcher ?? (await startCatcher());
  const stateFile = path.join(dir, "sspr-state.json");
  const send = smtpMailer({ host: "127.0.0.1", port: catcher.smtpPort, starttls: false, from: "it@example.com" });
  const auditFile = options.auditFile ?? path.join(dir, "sspr-audit.jsonl");
  const service = new SsprService({
    subjects: () => options.subjects,
    stateFile,
    publicUrl,
    policy: DEFAULT_POLICY,
    rates: options.rates ?? DEFAULT_RATE_RULES,
    companyWords: ["Example Corp"],
    targets: options.targets,
    forceChange: false,
    send,
    ...(options.codes ? { codes: workMailChannel(send) } : {}),
    audit: auditLog(auditFile),
    now: options.now,
  });
  server.on("request", portalApp({ service, policy: DEFAULT_POLICY, publicUrl, answerFloorMs: options.answerFloorMs }));
  return {
    url,
    dir,
    stateFile,
    auditFile,
    catcher,
    service,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.catcher) await catcher.stop();
    },
  };
}

export { Browser, linkIn, type Page } from "../../scripts/portal-client";

/** An in-memory password authority: what it holds, and an optional refusal, for tests not about a real app. */
export function memoryTarget(
  app: string,
  refuse?: (password: string) => Error | undefined,
  name?: string,
): PasswordTarget & { held: Map<string, string> } {
  const held = new Map<string, string>();
  return {
    app,
    ...(name ? { name } : {}),
    held,
    async setPassword(subject, password) {
      const error = refuse?.(password);
      if (error) throw error;
      held.set(subject.employeeId, password);
    },
  };
}
