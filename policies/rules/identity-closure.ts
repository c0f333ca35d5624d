/**
 * Identity closure: every account maps to an HR person, or to an exception with an owner and an expiry.
 * Orphan accounts are where access outlives people.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, today } from "./accounts";

/** Arguments of the identity-closure rule. */
export interface IdentityClosureArgs {
  /** HR employee ids look like this (a regular expression). Default: any non-empty id. */
  employeeIdPattern?: string;
  asOf?: string;
}

export const identityClosure: ResourceValidationPolicy = {
  name: "identity-closure",
  description: "Every account maps to an HR employee id or to an owned exception that has not expired.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { employeeIdPattern: { type: "string", default: ".+" }, asOf: { type: "string" } } },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account) return;
    const { app, props } = account;
    const { employeeIdPattern = ".+", asOf } = args.getConfig<IdentityClosureArgs>();
    const exception = props.exception;
    if (exception) {
      if (!exception.owner || !exception.expires) {
        reportViolation(
          `${app} account '${args.name}' must name an owner and an expiry on its exception; fill both in.`,
        );
      } else if (exception.expires < today(asOf)) {
        reportViolation(
          `${app} account '${args.name}' must not outlive its exception, which expired on ${exception.expires} (owner ${exception.owner}); renew or remove the account.`,
        );
      }
      return;
    }
    if (!props.employeeId || !new RegExp(`^(?:${employeeIdPattern})$`).test(props.employeeId)) {
      reportViolation(
        `${app} account '${args.name}' must map to an HR employee id matching /${employeeIdPattern}/ (got '${props.employeeId ?? ""}'); fix the id or add an exception with owner and expiry.`,
      );
    }
  },
};
