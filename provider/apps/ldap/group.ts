/**
 * `LdapGroup`: one managed directory group (type token `pulumi-nodejs:dynamic/idlc:LdapGroup`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";

export type LdapGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> };

/** What state stores for each resource: a ~2 KB stand-in that loads `ldapGroupProvider` from the project at run time. */
export const storedLdapGroupProvider = projectProvider("provider/apps/ldap/group-provider", "ldapGroupProvider");

export class LdapGroup extends pulumi.dynamic.Resource {
  declare readonly dn: pulumi.Output<string>;

  /** @param name `ldap/group/<name>`. */
  constructor(name: string, args: LdapGroupArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(storedLdapGroupProvider, name, { ...args, dn: undefined }, opts, "idlc", "LdapGroup");
  }
}
