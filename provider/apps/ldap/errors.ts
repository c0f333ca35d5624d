/**
 * The LDAP connector's errors. Messages name the DN or employee and never carry a password: ldapts errors are
 * wrapped here, once, with the LDAP result code kept for callers that treat some codes as success.
 */
import { IdlcError, type ErrorContext } from "../../errors";

export class LdapError extends IdlcError {
  override name = "LdapError";
  /** The LDAP result code (RFC 4511 §4.1.9) when the server answered, e.g. 32 noSuchObject. */
  readonly resultCode: number | undefined;

  constructor(
    code: string,
    message: string,
    options: { fix: string; cause?: unknown; context?: ErrorContext; resultCode?: number },
  ) {
    super(code, message, { fix: options.fix, cause: options.cause, context: { app: "ldap", ...options.context } });
    this.resultCode = options.resultCode;
  }
}

const FIX_BY_RESULT: Record<number, string> = {
  32: "The entry or its parent is missing: check peopleDN/groupsDN in identity:ldap, or run `idlc refresh`.",
  49: "Check bindDN and bindPassword in identity:ldap (`pulumi config set --secret`).",
  50: "Give the bind account write access to peopleDN and groupsDN (and `manage` for ppolicy attributes).",
  65: "The entry breaks its object class rules; check the flavor setting in identity:ldap matches the directory.",
  68: "An entry with this DN already exists and is not the same person: rename one of them or adopt it by employee id.",
};

/** Turns an ldapts failure into an LdapError naming the operation and DN (never the request values). */
export function ldapFailure(operation: string, dn: string, cause: unknown): LdapError {
  if (cause instanceof LdapError) return cause;
  const resultCode =
    typeof (cause as { code?: unknown })?.code === "number" ? (cause as { code: number }).code : undefined;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new LdapError("LDAP_OPERATION_FAILED", `LDAP ${operation} of "${dn}" failed: ${detail}`, {
    fix:
      (resultCode !== undefined && FIX_BY_RESULT[resultCode]) ||
      "Check that the directory is reachable and identity:ldap is right.",
    cause,
    context: { dn, operation },
    resultCode,
  });
}

export function bindFailure(url: string, bindDN: string, cause: unknown): LdapError {
  const resultCode = (cause as { code?: number })?.code;
  return new LdapError(
    "LDAP_BIND_FAILED",
    `cannot bind to ${url} as "${bindDN}": ${(cause as Error)?.message ?? cause}`,
    {
      fix: FIX_BY_RESULT[49]!,
      cause,
      context: { url, bindDN },
      resultCode,
    },
  );
}

export function ambiguousEntry(what: string, filter: string, dns: string[]): LdapError {
  return new LdapError("LDAP_AMBIGUOUS", `${dns.length} entries match ${what} (${filter}): ${dns.join("; ")}`, {
    fix: "Remove the duplicate entries or give them distinct employeeNumber values, then run again.",
    context: { filter },
  });
}

export function missingGroup(group: string, dn: string, employeeId: string): LdapError {
  return new LdapError("LDAP_GROUP_MISSING", `group "${group}" (${dn}) does not exist for employee ${employeeId}`, {
    fix: "Declare the group in the roles file so idlc creates it (LdapGroup), or create it in the directory.",
    context: { employeeId, dn },
  });
}
