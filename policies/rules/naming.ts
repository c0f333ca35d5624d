/**
 * Naming: account emails stay in the company's domains and usernames follow the configured pattern.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, who } from "./accounts";

/** Arguments of the naming rule. */
export interface NamingArgs {
  /** Domains account emails may use. Default: any. */
  allowedDomains?: string[];
  /** Usernames match this regular expression. Default: `[a-z0-9._@-]+`. */
  userNamePattern?: string;
}

export const namingConventions: ResourceValidationPolicy = {
  name: "naming-conventions",
  description: "Account emails use an allowed domain and usernames match the configured pattern.",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      allowedDomains: { type: "array", items: { type: "string" }, default: [] },
      userNamePattern: { type: "string", default: "[a-z0-9._@-]+" },
    },
  },
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account) return;
    const { app, props } = account;
    const { allowedDomains = [], userNamePattern = "[a-z0-9._@-]+" } = args.getConfig<NamingArgs>();
    if (allowedDomains.length > 0) {
      const domain = props.email?.split("@")[1]?.toLowerCase();
      if (!domain || !allowedDomains.includes(domain)) {
        reportViolation(
          `${who(props)} must have a ${app} email in ${allowedDomains.join(", ")} (got '${props.email}'); fix the work email in HR.`,
        );
      }
    }
    if (props.userName !== undefined && !new RegExp(`^(?:${userNamePattern})$`).test(props.userName)) {
      reportViolation(
        `${who(props)} must have a ${app} username matching /${userNamePattern}/ (got '${props.userName}'); fix the username rule.`,
      );
    }
  },
};
