/**
 * `LdapAccount`: one person's directory account (type token `pulumi-nodejs:dynamic/idlc:LdapAccount`). Its input is
 * the AccountSpec, registered as one `spec` property; the DN, the manager's DN, `adopted` and the generated initial
 * password (a secret) are outputs in state (`LdapAccountOutputs`); credentials never appear in inputs. The class
 * declares no output properties: each would cost the program an SDK Output per account, and nothing in the program
 * reads them (issue #22 item 1).
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";
import { releaseInputs } from "../shared/release-inputs";

export type LdapAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `ldapAccountProvider` from the project at run time. */
export const storedLdapAccountProvider = projectProvider("provider/apps/ldap/provider", "ldapAccountProvider");

export class LdapAccount extends ProjectResource {
  /** @param name `ldap/<employeeId>` (DESIGN.md §4.1). */
  constructor(name: string, args: LdapAccountArgs, opts: pulumi.CustomResourceOptions = {}) {
    const secret = [...(opts.additionalSecretOutputs ?? []), "initialPassword"];
    super(storedLdapAccountProvider, "LdapAccount", name, { spec: args }, { ...opts, additionalSecretOutputs: secret });
    releaseInputs(this);
  }
}
