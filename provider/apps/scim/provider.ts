import type * as pulumi from "@pulumi/pulumi";
import { HttpError } from "../../net";
import {
  absentOn404,
  appWork,
  checkAccountInputs,
  diffAccount,
  readAppSettings,
  recordOnlyOutputs,
  refuseEnabledDelete,
  sameValue,
  type ExtraFields,
} from "../shared";
import { scimConnection, scimSettings, scimSettingsSchema } from "./connection";
import { findManager, lookupAccount, syncGroups } from "./lookup";
import {
  fromScimUser,
  sendsField,
  toScimUser,
  toUserPatch,
  type ScimAccountInputs,
  type ScimAccountOutputs,
} from "./mapping";

/** Every SCIM resource names its instance (a module-level function: `checkAccountInputs` builds its schema once). */
export const scimFields: ExtraFields = (z) => ({ instance: z.string().min(1) });

/**
 * The generic SCIM 2.0 account provider (one module-level object: the SDK serializes it by value into state).
 * Contracts: create adopts (employee id, then userName) instead of duplicating; delete refuses an enabled
 * account and succeeds when it is already gone; read returns an empty id when gone; a rename is an update.
 */
export const scimAccountProvider: pulumi.dynamic.ResourceProvider<ScimAccountInputs, ScimAccountOutputs> = {
  async configure(req) {
    scimSettings.set(readAppSettings(req, "scim", scimSettingsSchema));
  },

  async check(_olds, news) {
    return checkAccountInputs(news, scimFields);
  },

  async diff(_id, olds, news) {
    return diffAccount("scim", olds, news, { pending: managerPending(olds, news) });
  },

  async create(inputs) {
    const connection = scimConnection(inputs.instance);
    const { settings, client } = connection;
    const mapping = settings.attributeMapping;
    let { existing, managerScimId } = await lookupAccount(client, inputs);
    if (!existing) {
      try {
        const user = await client.users.create(toScimUser(inputs, mapping, managerScimId));
        const groupIds = await syncGroups(connection, inputs, user.id, { names: [], ids: {} });
        return { id: user.id, outs: outputs(inputs, user.id, user.meta, managerScimId, groupIds) };
      } catch (err) {
        // 409: an earlier attempt (a retried POST whose answer was lost) or another writer made it: adopt it.
        if (!(err instanceof HttpError && err.status === 409)) throw err;
        existing = (await lookupAccount(client, inputs)).existing;
        if (!existing) throw err;
      }
    }
    const patch = toUserPatch(inputs, mapping, managerScimId);
    const user =
      (await client.users.update(
        existing.id,
        patch,
        () => toScimUser(inputs, mapping, managerScimId),
        existing.meta?.version,
      )) ?? existing;
    const memberOf = new Set((existing.groups ?? []).map((g) => g.value));
    const groupIds = await syncGroups(connection, inputs, existing.id, { names: [], ids: {}, memberOf });
    return { id: existing.id, outs: outputs(inputs, existing.id, user.meta ?? existing.meta, managerScimId, groupIds) };
  },

  async read(id, props) {
    // Without state there is nothing to read (import is not supported: adopt by declaring the person instead).
    if (!props) return { id: "" };
    const { settings, client } = scimConnection(props.instance);
    const age = props.created ? Date.now() - Date.parse(props.created) : Infinity;
    const user = await client.users.get(
      id,
      age < settings.readAfterWriteMs ? settings.readAfterWriteMs - age : undefined,
    );
    if (!user) return { id: "" };
    return { id, props: fromScimUser(user, props) };
  },

  async update(id, olds, news) {
    const connection = scimConnection(news.instance);
    const { settings, client } = connection;
    const mapping = settings.attributeMapping;
    // Fields only policies and the audit read (apps/shared/account-fields.ts) change the state, not the server.
    if (!appWork("scim", olds, news, { pending: managerPending(olds, news), mapped: sendsField(mapping) })) {
      return { outs: recordOnlyOutputs("scim", olds, news) };
    }
    const managerChanged =
      news.managerEmployeeId !== olds.managerEmployeeId || (news.managerEmployeeId && !olds.managerScimId);
    const managerScimId = managerChanged
      ? await findManager(client, news.managerEmployeeId)
      : olds.managerScimId || undefined;
    let meta: { created?: string; version?: string } = { created: olds.created, version: olds.version };
    // A change to groups alone (or to a field the user body does not carry) needs no PATCH of the user.
    if (
      !sameValue(toScimUser(olds, mapping, olds.managerScimId || undefined), toScimUser(news, mapping, managerScimId))
    ) {
      const patch = toUserPatch(news, mapping, managerScimId, olds);
      const user = await client.users.update(id, patch, () => toScimUser(news, mapping, managerScimId), olds.version);
      meta = { created: olds.created, version: user?.meta?.version };
    }
    const groupIds = await syncGroups(connection, news, id, { names: olds.groups, ids: olds.groupIds ?? {} });
    return { outs: outputs(news, id, meta, managerScimId, groupIds) };
  },

  async delete(id, props) {
    refuseEnabledDelete("scim", props);
    const { settings, client } = scimConnection(props.instance);
    if (settings.deleteMode === "deactivate") {
      const disabled = { ...props, enabled: false };
      const replacement = () => toScimUser(disabled, settings.attributeMapping, props.managerScimId || undefined);
      await absentOn404(() =>
        client.users.update(id, [{ op: "replace", path: "active", value: false }], replacement, props.version),
      );
      return;
    }
    await client.users.remove(id, props.version);
  },
};

/** A manager who had no account at the last update is looked up again. */
function managerPending(olds: ScimAccountOutputs, news: ScimAccountInputs): boolean {
  return Boolean(news.managerEmployeeId) && !olds.managerScimId;
}

function outputs(
  inputs: ScimAccountInputs,
  scimId: string,
  meta: { created?: string; version?: string } | undefined,
  managerScimId: string | undefined,
  groupIds: Record<string, string>,
): ScimAccountOutputs {
  return {
    ...inputs,
    scimId,
    created: meta?.created,
    version: meta?.version,
    managerScimId: managerScimId ?? "",
    groupIds,
  };
}
