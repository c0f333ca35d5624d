/**
 * `LdapAccount`: one person's directory account (type token `pulumi-nodejs:dynamic/idlc:LdapAccount`).
 * The generated initial password is a secret output; credentials never appear in inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared";

export type LdapAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~2 KB stand-in that loads `ldapAccountProvider` from the project at run time. */
export const storedLdapAccountProvider = projectProvider("provider/apps/ldap/provider", "ldapAccountProvider");

export class LdapAccount extends pulumi.dynamic.Resource {
  declare readonly dn: pulumi.Output<string>;
  declare readonly managerDn: pulumi.Output<string | undefined>;
  declare readonly adopted: pulumi.Output<boolean>;
  declare readonly initialPassword: pulumi.Output<string | undefined>;

  /** @param name `ldap/<employeeId>` (DESIGN.md §4.1). */
  constructor(name: string, args: LdapAccountArgs, opts: pulumi.CustomResourceOptions = {}) {
    const props = { spec: args, dn: undefined, managerDn: undefined, adopted: undefined, initialPassword: undefined };
    const secret = [...(opts.additionalSecretOutputs ?? []), "initialPassword"];
    super(storedLdapAccountProvider, name, props, { ...opts, additionalSecretOutputs: secret }, "idlc", "LdapAccount");
  }
}
