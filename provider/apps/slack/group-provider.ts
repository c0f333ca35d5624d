/**
 * The SlackGroup dynamic provider: one Slack user group per managed group, its SCIM `displayName` = the group's
 * `name` (the key accounts list in `groups`; Slack filters groups by displayName only). Members are not its
 * business: each account adds and removes itself. Deleting a Slack group is permanent; its users stay.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { checkGroupInputs, diffFields, readAppSettings } from "../shared";
import { findGroupByName, isNotFound, slackClient, slackDetail, slackSession, slackSettings } from "./client";
import { forgetGroupId } from "../scim/membership";
import { slackSettingsSchema } from "./settings";

export interface SlackGroupOutputs extends GroupSpec {
  slackId: string;
}

const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

export const slackGroupProvider: pulumi.dynamic.ResourceProvider<GroupSpec, SlackGroupOutputs> = {
  async configure(req) {
    slackSettings.set(readAppSettings(req, "slack", slackSettingsSchema));
  },

  async check(_olds, news) {
    return checkGroupInputs(news);
  },

  async diff(_id, olds, news) {
    // Only the name reaches Slack; the rest is for policies and audit.
    return diffFields(olds, news, ["name", "displayName", "description", "privileged", "roleIds"], {
      replaceOn: ["name"],
    });
  },

  async create(inputs) {
    const client = slackClient();
    let group = await findGroupByName(client, inputs.name);
    if (!group) {
      try {
        group = await client.groups.create({ schemas: [GROUP_URN], displayName: inputs.name });
      } catch (err) {
        // A lost answer to an earlier POST: the group is there now.
        group = slackDetail(err) === "name_already_exists" ? await findGroupByName(client, inputs.name) : undefined;
        if (!group) throw err;
      }
    }
    slackSession().groupIds.set(inputs.name, group.id);
    return { id: group.id, outs: { ...inputs, slackId: group.id } };
  },

  async read(id, props) {
    if (!props) return { id: "" };
    const group = await slackClient().groups.get(id);
    return group ? { id, props: { ...props, name: group.displayName, slackId: id } } : { id: "" };
  },

  async update(id, _olds, news) {
    return { outs: { ...news, slackId: id } };
  },

  async delete(id) {
    forgetGroupId(slackSession().groupIds, id);
    try {
      await slackClient().groups.remove(id);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};
