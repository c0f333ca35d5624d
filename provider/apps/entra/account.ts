/**
 * `EntraAccount`: one Entra ID user per person (type token `pulumi-nodejs:dynamic/idlc:EntraAccount`), named
 * `entra/<employeeId>`. Inputs are the AccountSpec (plus an optional hire date); the object id, UPN and the
 * initial password are outputs, the password a secret.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EntraAccountInputs } from "./account-mapping";
import { projectProvider } from "../shared";

export type EntraAccountArgs = { [K in keyof EntraAccountInputs]: pulumi.Input<EntraAccountInputs[K]> };

/** What state stores for each resource: a ~2 KB stand-in that loads `entraAccountProvider` from the project at run time. */
export const storedEntraAccountProvider = projectProvider("provider/apps/entra/provider", "entraAccountProvider");

export class EntraAccount extends pulumi.dynamic.Resource {
  /** The Entra object id; also the resource id. */
  declare readonly entraId: pulumi.Output<string>;
  declare readonly userPrincipalName: pulumi.Output<string>;
  /** The generated first password (forceChangePasswordNextSignIn); only when this program created the user. */
  declare readonly initialPassword: pulumi.Output<string | undefined>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: EntraAccountArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = { additionalSecretOutputs: ["initialPassword"] };
    super(
      storedEntraAccountProvider,
      name,
      { spec: args, entraId: undefined, userPrincipalName: undefined, initialPassword: undefined, adopted: undefined },
      pulumi.mergeOptions(opts, secret),
      "idlc",
      "EntraAccount",
    );
  }
}
