import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HrPullError } from "./errors";
import type { Connection } from "./record";
import { credentialKey, type HrSourceSettings } from "./settings";

const defaultUrls: Record<HrSourceSettings["vendor"], (s: HrSourceSettings) => string | undefined> = {
  bamboohr: (s) => (s.vendor === "bamboohr" && s.companyDomain ? `https://${s.companyDomain}.bamboohr.com` : undefined),
  hibob: () => "https://api.hibob.com",
  personio: () => "https://api.personio.de",
  rippling: () => "https://rest.ripplingapis.com",
  // A Workday report has no default: its URL names the tenant, the owner and the report.
  workday: () => undefined,
};

/** The name an HR twin has in the sandbox (`.idlc/sandbox/sandbox.json` → `apps`). */
export const sandboxName = (vendor: string) => `hr-${vendor}`;

/**
 * Where and how to reach the HR system: its API root and the credential (the stack secret), or — with
 * `sandbox: true` — the local twin's, read from the running sandbox.
 * @throws HrPullError when the URL or credential is missing
 */
export function resolveConnection(
  source: HrSourceSettings,
  credential: string | undefined,
  projectDir: string,
  today: string,
): Connection {
  const options: Record<string, string> = {};
  if (source.vendor === "personio" && source.employeeIdAttribute)
    options.employeeIdAttribute = source.employeeIdAttribute;
  if (source.sandbox) {
    const twin = readTwin(source.vendor, projectDir);
    return {
      url: source.url ?? twin.url,
      credential: credential ?? twin.token,
      options: { ...twin.extra, ...options },
      today,
    };
  }
  const url = source.url ?? defaultUrls[source.vendor](source);
  if (!url) {
    throw new HrPullError(
      "HR_PULL_SETTINGS",
      `identity:hr.source for ${source.vendor} names no API root`,
      "Add `url:` to identity:hr.source (BambooHR: or `companyDomain:`; Workday: the report's URL).",
    );
  }
  if (!credential) {
    throw new HrPullError(
      "HR_PULL_CREDENTIAL",
      `${credentialKey} is not set for this stack`,
      `Set it with \`idlc config set --secret ${credentialKey}\` (the credential's form per vendor is in docs/HR.md).`,
    );
  }
  return { url, credential, options, today };
}

function readTwin(vendor: string, projectDir: string): { url: string; token: string; extra?: Record<string, string> } {
  const file = path.join(projectDir, ".idlc", "sandbox", "sandbox.json");
  const fix = "Start it with `idlc sandbox start` in the project directory, or drop `sandbox: true`.";
  if (!existsSync(file)) {
    throw new HrPullError(
      "HR_PULL_SETTINGS",
      `identity:hr.source asks for the local sandbox, but none is running (${file})`,
      fix,
    );
  }
  const state = JSON.parse(readFileSync(file, "utf8")) as {
    apps?: Record<string, { url: string; token: string; extra?: Record<string, string> }>;
  };
  const twin = state.apps?.[sandboxName(vendor)];
  if (!twin) throw new HrPullError("HR_PULL_SETTINGS", `the local sandbox does not run ${sandboxName(vendor)}`, fix);
  return twin;
}
