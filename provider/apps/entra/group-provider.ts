/** The EntraGroup dynamic provider: one security group per managed group (mailNickname = the group's name). */
import type * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { groupProviderBasics } from "../shared";
import { entraSession, mailNicknameOf, openEntraSession } from "./session";
import { entraSettingsSchema } from "./settings";

export type EntraGroupOutputs = GroupSpec & { entraGroupId: string; mailNickname: string; adopted: boolean };

export const entraGroupProvider: pulumi.dynamic.ResourceProvider<GroupSpec, EntraGroupOutputs> = {
  ...groupProviderBasics("entra", entraSettingsSchema, openEntraSession),

  /** Adopts a group that already carries the mailNickname (Graph does not enforce its uniqueness, we do). */
  async create(inputs) {
    const s = entraSession();
    const mailNickname = mailNicknameOf(inputs.name);
    const found = await s.client.findGroupByNickname(mailNickname);
    const body = { displayName: inputs.displayName, description: inputs.description ?? null };
    if (found) await s.client.updateGroup(found.id, body);
    const id =
      found?.id ??
      (await s.client.createGroup({ ...body, mailNickname, mailEnabled: false, securityEnabled: true })).id;
    s.groupIds.set(mailNickname, Promise.resolve(id));
    return { id, outs: { ...inputs, entraGroupId: id, mailNickname, adopted: found !== undefined } };
  },

  async read(id, props) {
    const group = await entraSession().client.getGroup(id);
    if (!group || !props) return { id: "" };
    return { id, props: { ...props, displayName: group.displayName, description: group.description ?? undefined } };
  },

  async update(id, olds, news) {
    await entraSession().client.updateGroup(id, {
      displayName: news.displayName,
      description: news.description ?? null,
    });
    return { outs: { ...news, entraGroupId: id, mailNickname: olds.mailNickname, adopted: olds.adopted } };
  },

  async delete(id) {
    await entraSession().client.deleteGroup(id);
  },
};
