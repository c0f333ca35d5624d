/**
 * `GoogleAccount`: one Google Workspace user per person (type token `pulumi-nodejs:dynamic/idlc:GoogleAccount`),
 * named `google/<employeeId>`. Inputs are the AccountSpec; Google's id, org unit and the initial password are
 * outputs, the password a secret.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared";

export type GoogleAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~2 KB stand-in that loads `googleAccountProvider` from the project at run time. */
export const storedGoogleAccountProvider = projectProvider("provider/apps/google/provider", "googleAccountProvider");

export class GoogleAccount extends pulumi.dynamic.Resource {
  /** Google's immutable user id; also the resource id. */
  declare readonly googleId: pulumi.Output<string>;
  declare readonly orgUnitPath: pulumi.Output<string>;
  /** The generated first password (must be changed at first sign-in); only when this program created the user. */
  declare readonly initialPassword: pulumi.Output<string | undefined>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: GoogleAccountArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = { additionalSecretOutputs: ["initialPassword"] };
    super(
      storedGoogleAccountProvider,
      name,
      { spec: args, googleId: undefined, orgUnitPath: undefined, initialPassword: undefined, adopted: undefined },
      pulumi.mergeOptions(opts, secret),
      "idlc",
      "GoogleAccount",
    );
  }
}
