/**
 * `EntraAccount`: one Entra ID user per person (type token `pulumi-nodejs:dynamic/idlc:EntraAccount`), named
 * `entra/<employeeId>`. Its input is the AccountSpec (plus an optional hire date), registered as one `spec`
 * property; the object id (also the resource id), UPN, `adopted` and the initial password (a secret) are outputs
 * in state (`EntraAccountOutputs`). The class declares no output properties: each would cost the program an SDK
 * Output per account, and nothing in the program reads them (issue #22 item 1).
 */
import * as pulumi from "@pulumi/pulumi";
import type { EntraAccountInputs } from "./account-mapping";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";
import { releaseInputs } from "../shared/release-inputs";

export type EntraAccountArgs = { [K in keyof EntraAccountInputs]: pulumi.Input<EntraAccountInputs[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `entraAccountProvider` from the project at run time. */
export const storedEntraAccountProvider = projectProvider("provider/apps/entra/provider", "entraAccountProvider");

export class EntraAccount extends ProjectResource {
  constructor(name: string, args: EntraAccountArgs, opts?: pulumi.CustomResourceOptions) {
    const secret = { additionalSecretOutputs: ["initialPassword"] };
    super(storedEntraAccountProvider, "EntraAccount", name, { spec: args }, pulumi.mergeOptions(opts, secret));
    releaseInputs(this);
  }
}
