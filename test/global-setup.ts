/**
 * Services shared by every test file, started once per vitest run.
 * Each service adds itself here and hands its address to tests through `provide`/`inject`.
 */
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };
import { slapdAvailable, startSlapd } from "../sandbox/ldap";

/** The shared slapd (sandbox/ldap), or why it could not run here. */
export type ProvidedLdap =
  | { url: string; bindDN: string; password: string; baseDN: string; peopleDN: string; groupsDN: string }
  | { unavailable: string };

declare module "vitest" {
  export interface ProvidedContext {
    ldap: ProvidedLdap;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  const ldapReady = slapdAvailable();
  if (ldapReady === true) {
    const { stop, pid: _pid, ...ldap } = await startSlapd();
    stops.push(stop);
    project.provide("ldap", ldap);
  } else project.provide("ldap", { unavailable: ldapReady });
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
