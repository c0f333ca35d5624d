/**
 * `LdapGroup`: one managed directory group (type token `pulumi-nodejs:dynamic/idlc:LdapGroup`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";

export type LdapGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `ldapGroupProvider` from the project at run time. */
export const storedLdapGroupProvider = projectProvider("provider/apps/ldap/group-provider", "ldapGroupProvider");

export class LdapGroup extends ProjectResource {
  declare readonly dn: pulumi.Output<string>;

  /** @param name `ldap/group/<name>`. */
  constructor(name: string, args: LdapGroupArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(storedLdapGroupProvider, "LdapGroup", name, { ...args, dn: undefined }, opts);
  }
}
