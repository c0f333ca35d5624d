/** The GoogleGroup dynamic provider: one Workspace group per managed group (`<name>@<domain>`). */
import type * as pulumi from "@pulumi/pulumi";
import type { GroupSpec } from "../../access/account-spec";
import { HttpError } from "../../net";
import { groupProviderBasics } from "../shared";
import { groupEmail } from "./account-mapping";
import type { GoogleGroup } from "./client";
import { googleSession, openGoogleSession } from "./session";
import { googleSettingsSchema } from "./settings";

export type GoogleGroupOutputs = GroupSpec & { googleGroupId: string; email: string; adopted: boolean };

export const googleGroupProvider: pulumi.dynamic.ResourceProvider<GroupSpec, GoogleGroupOutputs> = {
  ...groupProviderBasics("google", googleSettingsSchema, openGoogleSession),

  /** Adopts a group that already exists under the address (409), bringing its name and description along. */
  async create(inputs) {
    const { client, settings } = googleSession();
    const email = groupEmail(inputs.name, settings.domain);
    const body = { email, name: inputs.displayName, description: inputs.description ?? "" };
    let group: GoogleGroup;
    let adopted = false;
    try {
      group = await client.insertGroup(body);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 409)) throw error;
      group = await client.updateGroup(email, { name: body.name, description: body.description });
      adopted = true;
    }
    googleSession().groups.set(email, Promise.resolve(true));
    return { id: group.id, outs: groupOutputs(inputs, group, adopted) };
  },

  async read(id, props) {
    const group = await googleSession().client.getGroup(id);
    if (!group || !props) return { id: "" };
    return {
      id,
      props: { ...props, displayName: group.name, description: group.description || undefined, email: group.email },
    };
  },

  async update(id, olds, news) {
    const group = await googleSession().client.updateGroup(id, {
      name: news.displayName,
      description: news.description ?? "",
    });
    return { outs: groupOutputs(news, group, olds.adopted) };
  },

  async delete(id, props) {
    await googleSession().client.deleteGroup(id);
    if (props?.email) googleSession().groups.delete(props.email);
  },
};

export function groupOutputs(spec: GroupSpec, group: GoogleGroup, adopted: boolean): GoogleGroupOutputs {
  return { ...spec, googleGroupId: group.id, email: group.email, adopted };
}
