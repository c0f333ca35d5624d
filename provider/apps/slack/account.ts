/**
 * `SlackAccount`: one Slack user per person (type token `pulumi-nodejs:dynamic/idlc:SlackAccount`), named
 * `slack/<employeeId>`. Inputs are the AccountSpec; the Slack id and normalised username are outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { projectProvider } from "../shared";

export type SlackAccountArgs = { [K in keyof AccountSpec]: pulumi.Input<AccountSpec[K]> };

/** What state stores for each resource: a ~2 KB stand-in that loads `slackAccountProvider` from the project at run time. */
export const storedSlackAccountProvider = projectProvider("provider/apps/slack/provider", "slackAccountProvider");

export class SlackAccount extends pulumi.dynamic.Resource {
  /** Slack's user id (`U…`/`W…`); also the resource id. */
  declare readonly slackId: pulumi.Output<string>;
  /** The username as Slack stores it (lower case; characters other than `.`, `_`, `-` become `_`). */
  declare readonly slackUserName: pulumi.Output<string>;
  /** True when create found the user already in Slack (by email or username) instead of creating it. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** Slack ids of the account's groups, by group name. */
  declare readonly groupIds: pulumi.Output<Record<string, string>>;
  /** When Slack created the user (`meta.created`). */
  declare readonly created: pulumi.Output<string | undefined>;

  constructor(name: string, args: SlackAccountArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      storedSlackAccountProvider,
      name,
      {
        spec: args,
        slackId: undefined,
        slackUserName: undefined,
        adopted: undefined,
        groupIds: undefined,
        created: undefined,
      },
      opts,
      "idlc",
      "SlackAccount",
    );
  }
}
