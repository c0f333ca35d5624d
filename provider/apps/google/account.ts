/**
 * `GoogleAccount`: one Google Workspace user per person (type token `pulumi-nodejs:dynamic/idlc:GoogleAccount`),
 * named `google/<employeeId>`. Its input is the AccountSpec, registered as one `spec` property; Google's id (also
 * the resource id), org unit, `adopted` and the initial password (a secret) are outputs in state
 * (`GoogleAccountOutputs`). The class declares no output properties: each would cost the program an SDK Output per
 * account, and nothing in the program reads them (issue #22 item 1).
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";
import { releaseInputs } from "../shared/release-inputs";

export type GoogleAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `googleAccountProvider` from the project at run time. */
export const storedGoogleAccountProvider = projectProvider("provider/apps/google/provider", "googleAccountProvider");

export class GoogleAccount extends ProjectResource {
  constructor(name: string, args: GoogleAccountArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = { additionalSecretOutputs: ["initialPassword"] };
    super(storedGoogleAccountProvider, "GoogleAccount", name, { spec: args }, pulumi.mergeOptions(opts, secret));
    releaseInputs(this);
  }
}
