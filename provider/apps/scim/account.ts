/**
 * `ScimAccount`: one account per person in one SCIM 2.0 app instance (type token
 * `pulumi-nodejs:dynamic/idlc:ScimAccount`). Its input is the AccountSpec plus `instance` (a key of
 * `identity:scim`), registered as one `spec` property; the app's id (also the resource id), the manager's and the
 * groups' SCIM ids are outputs in state (`ScimAccountOutputs`). The class declares no output properties: each would
 * cost the program an SDK Output per account, and nothing in the program reads them (issue #22 item 1).
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";
import { releaseInputs } from "../shared/release-inputs";

export type ScimAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> } & {
  instance: pulumi.Input<string>;
};

/** What state stores for each resource: a ~0.6 KB stand-in that loads `scimAccountProvider` from the project at run time. */
export const storedScimAccountProvider = projectProvider("provider/apps/scim/provider", "scimAccountProvider");

export class ScimAccount extends ProjectResource {
  constructor(name: string, args: ScimAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(storedScimAccountProvider, "ScimAccount", name, { spec: args }, opts);
    releaseInputs(this);
  }
}
