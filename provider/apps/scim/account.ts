/**
 * `ScimAccount`: one account per person in one SCIM 2.0 app instance (type token
 * `pulumi-nodejs:dynamic/idlc:ScimAccount`). Inputs are the AccountSpec plus `instance` (a key of `identity:scim`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared";

export type ScimAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> } & {
  instance: pulumi.Input<string>;
};

/** What state stores for each resource: a ~2 KB stand-in that loads `scimAccountProvider` from the project at run time. */
export const storedScimAccountProvider = projectProvider("provider/apps/scim/provider", "scimAccountProvider");

export class ScimAccount extends pulumi.dynamic.Resource {
  /** The app's id for the user; also the resource id. */
  declare readonly scimId: pulumi.Output<string>;
  /** The manager's SCIM id, empty while the manager has no account yet. */
  declare readonly managerScimId: pulumi.Output<string>;
  /** SCIM ids of the account's groups, by group name. */
  declare readonly groupIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ScimAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      storedScimAccountProvider,
      name,
      { spec: args, scimId: undefined, managerScimId: undefined, groupIds: undefined },
      opts,
      "idlc",
      "ScimAccount",
    );
  }
}
