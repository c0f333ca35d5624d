/**
 * @module sandbox/ldap
 * A throwaway, real OpenLDAP slapd (mdb, memberof, refint, ppolicy with lockout and cleartext hashing) on
 * 127.0.0.1: `startSlapd()` for tests, `ldapEmulator` for `idlc sandbox start`.
 */
export { ldapEmulator } from "./emulator";
export {
  slapdAvailable,
  slapdInstallCommand,
  slapdMissing,
  slapdPath,
  startSlapd,
  type RunningSlapd,
  type SlapdOptions,
} from "./start-slapd";
export { DEFAULT_LAYOUT, dnsFor, renderSlapdConf, seedEntries } from "./slapd-config";
