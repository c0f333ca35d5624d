/** `GoogleGroup`: a managed Workspace group (type token `pulumi-nodejs:dynamic/idlc:GoogleGroup`), named `google/group/<name>`. */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";

export type GoogleGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `googleGroupProvider` from the project at run time. */
export const storedGoogleGroupProvider = projectProvider("provider/apps/google/group-provider", "googleGroupProvider");

export class GoogleGroup extends ProjectResource {
  declare readonly googleGroupId: pulumi.Output<string>;
  /** The group's address, `<name>@<domain>`. */
  declare readonly email: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: GoogleGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      storedGoogleGroupProvider,
      "GoogleGroup",
      name,
      { ...args, googleGroupId: undefined, email: undefined, adopted: undefined },
      opts,
    );
  }
}
