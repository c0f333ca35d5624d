/**
 * The `ldap` entry of the sandbox registry: a real slapd for `idlc sandbox start` and the demo stack.
 */
import type { EmulatorDefinition } from "../registry";
import { slapdAvailable, startSlapd } from "./start-slapd";

export const ldapEmulator: EmulatorDefinition = {
  name: "ldap",
  available: async () => slapdAvailable(),
  async start(options) {
    const slapd = await startSlapd({ dataDir: options.dataDir, port: options.port });
    return {
      name: "ldap",
      url: slapd.url,
      token: slapd.password,
      extra: { bindDN: slapd.bindDN, baseDN: slapd.baseDN, peopleDN: slapd.peopleDN, groupsDN: slapd.groupsDN },
      stop: slapd.stop,
    };
  },
};
