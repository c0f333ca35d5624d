/**
 * `SlackGroup`: one Slack user group (type token `pulumi-nodejs:dynamic/idlc:SlackGroup`). Its SCIM `displayName`
 * is the GroupSpec `name`, the key accounts list in `groups`; membership lives on the accounts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { projectProvider } from "../shared/project-provider";
import { ProjectResource } from "../shared/project-resource";

export type SlackGroupArgs = { [K in keyof GroupSpec]: pulumi.Input<GroupSpec[K]> };

/** What state stores for each resource: a ~0.6 KB stand-in that loads `slackGroupProvider` from the project at run time. */
export const storedSlackGroupProvider = projectProvider("provider/apps/slack/group-provider", "slackGroupProvider");

export class SlackGroup extends ProjectResource {
  /** Slack's group id (`S…`); also the resource id. */
  declare readonly slackId: pulumi.Output<string>;

  constructor(name: string, args: SlackGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(storedSlackGroupProvider, "SlackGroup", name, { ...args, slackId: undefined }, opts);
  }
}
