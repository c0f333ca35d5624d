/**
 * `ScimGroup`: a group the stack manages in one SCIM 2.0 app instance (type token
 * `pulumi-nodejs:dynamic/idlc:ScimGroup`). Inputs are the GroupSpec plus `instance`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";

export type ScimGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> } & { instance: pulumi.Input<string> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `scimGroupProvider` from the project at run time. */
export const storedScimGroupProvider = projectProvider("provider/apps/scim/group-provider", "scimGroupProvider");

export class ScimGroup extends ProjectResource {
  /** The app's id for the group; also the resource id. */
  declare readonly scimId: pulumi.Output<string>;

  constructor(name: string, args: ScimGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(storedScimGroupProvider, "ScimGroup", name, { ...args, scimId: undefined }, opts);
  }
}
