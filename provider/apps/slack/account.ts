/**
 * `SlackAccount`: one Slack user per person (type token `pulumi-nodejs:dynamic/idlc:SlackAccount`), named
 * `slack/<employeeId>`. Its input is the AccountSpec, registered as one `spec` property; the Slack id (also the
 * resource id), the username as Slack stores it, `adopted`, the group ids and Slack's creation time are outputs in
 * state (`SlackAccountOutputs`). The class declares no output properties: each would cost the program an SDK Output
 * per account, and nothing in the program reads them (issue #22 item 1).
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";
import { releaseInputs } from "../shared/release-inputs";

export type SlackAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `slackAccountProvider` from the project at run time. */
export const storedSlackAccountProvider = projectProvider("provider/apps/slack/provider", "slackAccountProvider");

export class SlackAccount extends ProjectResource {
  constructor(name: string, args: SlackAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(storedSlackAccountProvider, "SlackAccount", name, { spec: args }, opts);
    releaseInputs(this);
  }
}
