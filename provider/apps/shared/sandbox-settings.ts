/**
 * `identity:<app>: { sandbox: true }` — the app's URL and credentials come from the local sandbox that
 * `idlc sandbox start` runs (`.idlc/sandbox/sandbox.json` in the project), so a demo or test stack holds no
 * ports or tokens. Any other field given next to `sandbox: true` wins over the sandbox's.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppSettingsError } from "./errors";

interface SandboxApp {
  url: string;
  token: string;
  tokenUrl?: string;
  extra?: Record<string, string>;
}

/** How each app's settings are made from what its emulator publishes. */
const fromSandbox: Record<string, (app: SandboxApp) => Record<string, unknown>> = {
  slack: (a) => ({ baseUrl: a.url, token: a.token }),
  scim: (a) => ({ baseUrl: a.url, token: a.token }),
  google: (a) => ({
    baseUrl: a.url,
    tokenUrl: a.tokenUrl,
    ...pick(a.extra, ["domain", "customerId", "subject", "serviceAccountKey"]),
  }),
  entra: (a) => ({
    graphUrl: a.url,
    tokenUrl: a.tokenUrl,
    ...pick(a.extra, ["tenantId", "clientId", "clientSecret", "domain"]),
  }),
  mail: (a) => ({ host: a.extra?.smtpHost, port: Number(a.extra?.smtpPort), starttls: false }),
  ldap: (a) => ({
    url: a.url,
    bindPassword: a.token,
    flavor: "openldap",
    ...pick(a.extra, ["bindDN", "baseDN", "peopleDN", "groupsDN"]),
  }),
};

function pick(extra: Record<string, string> | undefined, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => extra?.[k] !== undefined).map((k) => [k, extra![k]!]));
}

const isSandbox = (v: unknown): v is Record<string, unknown> & { sandbox: true } =>
  typeof v === "object" && v !== null && (v as { sandbox?: unknown }).sandbox === true;

/**
 * The settings with every `{ sandbox: true }` node filled in: the app's own object, or — for SCIM, whose
 * settings map instance names to settings — each instance.
 */
export function resolveSandboxSettings(app: string, value: unknown, projectDir = process.cwd()): unknown {
  const nodes =
    app === "scim" && typeof value === "object" && value !== null && !isSandbox(value) ? Object.values(value) : [value];
  if (!nodes.some(isSandbox)) return value;
  const running = readSandbox(app, projectDir);
  const fill = (node: unknown) => {
    if (!isSandbox(node)) return node;
    const { sandbox: _sandbox, ...own } = node;
    return { ...fromSandbox[app]!(running), ...own };
  };
  if (nodes.length === 1 && nodes[0] === value) return fill(value);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fill(v)]));
}

function readSandbox(app: string, projectDir: string): SandboxApp {
  const file = path.join(projectDir, ".idlc", "sandbox", "sandbox.json");
  const fix = "Start it with `idlc sandbox start` in the project directory, or give the app's real settings.";
  if (!existsSync(file))
    throw new AppSettingsError(
      app,
      `identity:${app}`,
      `asks for the local sandbox, but none is running (${file})`,
      fix,
    );
  const state = JSON.parse(readFileSync(file, "utf8")) as {
    apps?: Record<string, SandboxApp>;
    unavailable?: Record<string, string>;
  };
  const running = state.apps?.[app];
  if (!running || !fromSandbox[app]) {
    const why = state.unavailable?.[app] ? `: ${state.unavailable[app]}` : "";
    throw new AppSettingsError(
      app,
      `identity:${app}`,
      `asks for the local sandbox, which does not run ${app}${why}`,
      fix,
    );
  }
  return running;
}
