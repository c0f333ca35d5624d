import type * as pulumi from "@pulumi/pulumi";
import { absentOn404, checkGroupInputs, diffFields, readAppSettings } from "../shared";
import { scimAnyOf, scimEq } from "./client";
import { scimFields } from "./provider";
import { scimConnection, scimSettings, scimSettingsSchema } from "./connection";
import { forgetGroupId } from "./membership";
import { fromScimGroup, toScimGroup, type ScimGroupInputs, type ScimGroupOutputs } from "./mapping";

/**
 * The SCIM group provider. A group is identified in the app by `externalId` = the group's name (falling back to a
 * `displayName` match to adopt groups made by hand). Members are not its business: each account adds and removes
 * itself by PATCH, so this provider never writes `members`.
 */
export const scimGroupProvider: pulumi.dynamic.ResourceProvider<ScimGroupInputs, ScimGroupOutputs> = {
  async configure(req) {
    scimSettings.set(readAppSettings(req, "scim", scimSettingsSchema));
  },

  async check(_olds, news) {
    return checkGroupInputs(news, scimFields);
  },

  async diff(_id, olds, news) {
    return diffFields(olds, news, ["instance", "name", "displayName", "description", "privileged", "roleIds"], {
      replaceOn: ["instance", "name"],
    });
  },

  async create(inputs) {
    const { client, groupIds } = scimConnection(inputs.instance);
    const find = async () => {
      const found = await client.groups.find(
        scimAnyOf([scimEq("externalId", inputs.name), scimEq("displayName", inputs.displayName)]),
      );
      return (
        found.find((g) => g.externalId === inputs.name) ??
        found.find((g) => !g.externalId && g.displayName === inputs.displayName)
      );
    };
    const group = (await find()) ?? (await client.groups.create(toScimGroup(inputs)));
    if (group.displayName !== inputs.displayName || group.externalId !== inputs.name) {
      await client.groups.update(
        group.id,
        [{ op: "replace", value: { displayName: inputs.displayName, externalId: inputs.name } }],
        () => toScimGroup(inputs),
      );
    }
    groupIds.set(inputs.name, group.id);
    return { id: group.id, outs: { ...inputs, scimId: group.id } };
  },

  async read(id, props) {
    if (!props) return { id: "" };
    const group = await scimConnection(props.instance).client.groups.get(id);
    return group ? { id, props: fromScimGroup(group, props) } : { id: "" };
  },

  async update(id, olds, news) {
    if (olds.displayName !== news.displayName) {
      const { client } = scimConnection(news.instance);
      await client.groups.update(id, [{ op: "replace", path: "displayName", value: news.displayName }], () =>
        toScimGroup(news),
      );
    }
    return { outs: { ...news, scimId: id } };
  },

  async delete(id, props) {
    const { client, groupIds } = scimConnection(props.instance);
    forgetGroupId(groupIds, id);
    await absentOn404(() => client.groups.remove(id));
  },
};
