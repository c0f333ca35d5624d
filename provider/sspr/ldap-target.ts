/**
 * LDAP as a password authority: a `userPassword` replace on OpenLDAP (slapd's ppolicy hashes it and checks its
 * own quality rules; `pwdReset: TRUE` when the stack forces a change) or a `unicodePwd` replace on AD (a reset
 * in MS-ADTS terms, LDAPS only). The account is found by employee id, as the connector adopts it.
 */
import { byEmployeeId, LdapError, withLdap, type LdapSession, type LdapSettings } from "../apps/ldap";
import { TargetRefusal, type PasswordTarget } from "./target";

type LdapChange = Parameters<LdapSession["modify"]>[1][number];

/** constraintViolation: ppolicy's pwdCheckQuality/pwdMinLength, AD's domain policy (0000052D). */
const CONSTRAINT_VIOLATION = 19;

export function ldapPasswordChanges(
  flavor: LdapSettings["flavor"],
  password: string,
  forceChange: boolean,
): LdapChange[] {
  if (flavor === "ad") {
    return [
      { operation: "replace", type: "unicodePwd", values: [Buffer.from(`"${password}"`, "utf16le")] },
      ...(forceChange ? [{ operation: "replace" as const, type: "pwdLastSet", values: ["0"] }] : []),
    ];
  }
  // The person chose this password: clear a pending forced change (an empty replace removes it, if present).
  return [
    { operation: "replace", type: "userPassword", values: [password] },
    { operation: "replace", type: "pwdReset", values: forceChange ? ["TRUE"] : [] },
  ];
}

export function ldapTarget(settings: LdapSettings): PasswordTarget {
  return {
    app: "ldap",
    async setPassword(subject, password, { forceChange }) {
      await withLdap(settings, async (session) => {
        const [entry] = await session.search(settings.peopleDN, byEmployeeId(settings.flavor, subject.employeeId), [
          "dn",
        ]);
        if (!entry)
          throw new Error(`no LDAP account with employee id ${subject.employeeId} under ${settings.peopleDN}`);
        try {
          await session.modify(entry.dn, ldapPasswordChanges(settings.flavor, password, forceChange));
        } catch (error) {
          if (error instanceof LdapError && error.resultCode === CONSTRAINT_VIOLATION) {
            throw new TargetRefusal("ldap", "constraint violation");
          }
          throw error;
        }
      });
    },
  };
}
