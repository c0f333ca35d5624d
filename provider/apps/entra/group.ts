/** `EntraGroup`: a managed security group (type token `pulumi-nodejs:dynamic/idlc:EntraGroup`), named `entra/group/<name>`. */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";

export type EntraGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `entraGroupProvider` from the project at run time. */
export const storedEntraGroupProvider = projectProvider("provider/apps/entra/group-provider", "entraGroupProvider");

export class EntraGroup extends ProjectResource {
  declare readonly entraGroupId: pulumi.Output<string>;
  declare readonly mailNickname: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: EntraGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      storedEntraGroupProvider,
      "EntraGroup",
      name,
      { ...args, entraGroupId: undefined, mailNickname: undefined, adopted: undefined },
      opts,
    );
  }
}
