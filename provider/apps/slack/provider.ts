/**
 * The SlackAccount dynamic provider (one module-level object: the SDK serializes it by value into state, so it
 * reaches only lean local modules; zod is required lazily and the token comes only from `configure()`).
 * Contracts, with Slack's rules (app-apis.md §1.7):
 * - create adopts the user holding the email (a deactivated one is reactivated: its email is taken for good),
 *   else the one holding the username, unless it carries another employee's id;
 * - after every user write, `active` is read back and corrected once (Slack's April 2024 incident deactivated
 *   users on update); a second flip is an error;
 * - Slack cannot delete users. `delete` (after retention) refuses a user that is still active, in state or in
 *   Slack, and otherwise only forgets it: the user stays deactivated in Slack, keeping its email, so a rehire
 *   is adopted and reactivated;
 * - the primary owner cannot be deactivated: a clear error, not an HTTP one.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import type { ScimClient, ScimUser } from "../scim/client";
import {
  appWork,
  checkAccountInputs,
  diffAccount,
  readAppSettings,
  recordOnlyOutputs,
  refuseEnabledDelete,
  sameValue,
  type ExtraFields,
} from "../shared";
import { findUsers, isNotFound, slackClient, slackDetail, slackSession, slackSettings } from "./client";
import { SlackActiveFlipError, SlackPrimaryOwnerError, SlackUserGoneError } from "./errors";
import { memberGroups, syncGroups } from "./group-sync";
import {
  fromSlackUser,
  pickExisting,
  SLACK_MAX_USERNAME,
  slackUserName,
  toSlackPatch,
  toSlackUser,
  type SlackAccountOutputs,
} from "./mapping";
import { slackSettingsSchema } from "./settings";

/** How long after a write a 404 is taken for read-after-write lag. */
const READ_AFTER_WRITE_MS = 5_000;

/** Slack's own input rules (a module-level function: `checkAccountInputs` builds its schema once). */
const slackFields: ExtraFields = (z) => ({
  userName: z
    .string()
    .min(1)
    .refine((v) => slackUserName(v) !== "" && slackUserName(v).length <= SLACK_MAX_USERNAME, {
      message: `Slack usernames are 1–${SLACK_MAX_USERNAME} characters after lower-casing and turning characters other than letters, digits, '.', '_' and '-' into '_'`,
    }),
  displayName: z.string().max(80, "Slack display names are at most 80 characters"),
  admin: z.boolean().refine((v) => !v, {
    message:
      "Slack's SCIM API cannot make anyone an Admin or Owner: grant it in Slack's admin UI and drop the admin role for slack",
  }),
});

export const slackAccountProvider: pulumi.dynamic.ResourceProvider<AccountSpec, SlackAccountOutputs> = {
  async configure(req) {
    slackSettings.set(readAppSettings(req, "slack", slackSettingsSchema));
  },

  async check(_olds, news) {
    return checkAccountInputs(news, slackFields);
  },

  async diff(_id, olds, news) {
    return diffAccount("slack", olds, news);
  },

  async create(inputs) {
    const client = slackClient();
    let existing = pickExisting(await findUsers(client, inputs.email, slackUserName(inputs.userName)), inputs);
    if (!existing) {
      try {
        const user = await client.users.create(toSlackUser(inputs));
        const groupIds = await syncGroups(client, inputs.employeeId, user.id, memberGroups(inputs), {
          names: [],
          ids: {},
        });
        return { id: user.id, outs: outputs(inputs, user, false, groupIds) };
      } catch (err) {
        // A retried POST whose first answer was lost, or another writer, got there first: adopt what it made.
        const detail = slackDetail(err);
        if (detail !== "email_taken" && detail !== "username_taken") throw err;
        existing = pickExisting(await findUsers(client, inputs.email, slackUserName(inputs.userName)), inputs);
        if (!existing) throw err;
      }
    }
    const user = await writeUser(client, existing.id, inputs, toSlackPatch(inputs));
    const memberOf = new Set((existing.groups ?? []).map((g) => g.value));
    const groupIds = await syncGroups(client, inputs.employeeId, existing.id, memberGroups(inputs), {
      names: [],
      ids: {},
      memberOf,
    });
    return { id: existing.id, outs: outputs(inputs, user, true, groupIds) };
  },

  async read(id, props) {
    // Without state there is nothing to read: import is not supported (declare the person and create adopts).
    if (!props) return { id: "" };
    // A refresh of N accounts costs ⌈N/1000⌉ list calls: the first read lists everyone. A miss (a user made since,
    // or written by this process) is confirmed with a GET, never taken for "gone".
    const { client, users } = slackSession();
    await users?.ensure();
    const age = props.created ? Date.now() - Date.parse(props.created) : Infinity;
    const user =
      users?.peek(id) ??
      (await client.users.get(id, age < READ_AFTER_WRITE_MS ? READ_AFTER_WRITE_MS - age : undefined));
    return user ? { id, props: fromSlackUser(user, props) } : { id: "" };
  },

  async update(id, olds, news) {
    // Fields only policies and the audit read (apps/shared/account-fields.ts) change the state, not Slack.
    if (!appWork("slack", olds, news)) return { outs: recordOnlyOutputs("slack", olds, news) };
    const client = slackClient();
    const user = sameValue(toSlackUser(olds), toSlackUser(news))
      ? undefined
      : await writeUser(client, id, news, toSlackPatch(news, olds));
    // After the user write: a reactivated user can join groups again, a deactivated one still leaves them.
    const groupIds = await syncGroups(client, news.employeeId, id, memberGroups(news), {
      names: memberGroups(olds),
      ids: olds.groupIds ?? {},
    });
    return {
      outs: {
        ...news,
        slackId: id,
        slackUserName: user?.userName ?? slackUserName(news.userName),
        adopted: olds.adopted,
        created: olds.created,
        groupIds,
      },
    };
  },

  async delete(id, props) {
    refuseEnabledDelete("slack", props);
    const user = await slackClient().users.get(id);
    if (!user) return;
    // Slack's state decides too: never forget a user someone reactivated by hand.
    refuseEnabledDelete("slack", { employeeId: props.employeeId, enabled: user.active !== false });
  },
};

/** PATCH the user, then read `active` back and correct it once; Slack errors become ours. */
async function writeUser(
  client: ScimClient,
  id: string,
  spec: AccountSpec,
  ops: ReturnType<typeof toSlackPatch>,
): Promise<ScimUser> {
  slackSession().users?.invalidate(id);
  for (let attempt = 0; ; attempt++) {
    try {
      await client.users.patch(id, ops);
    } catch (err) {
      if (slackDetail(err) === "cannot_disable_primary_owner") throw new SlackPrimaryOwnerError(spec.employeeId, err);
      if (isNotFound(err)) throw new SlackUserGoneError(spec.employeeId, id);
      throw err;
    }
    const user = await client.users.get(id, READ_AFTER_WRITE_MS);
    if (!user) throw new SlackUserGoneError(spec.employeeId, id);
    if (user.active === spec.enabled) return user;
    if (attempt > 0) throw new SlackActiveFlipError(spec.employeeId, id, spec.enabled);
    ops = [{ op: "replace", path: "active", value: spec.enabled }];
  }
}

function outputs(
  inputs: AccountSpec,
  user: ScimUser,
  adopted: boolean,
  groupIds: Record<string, string>,
): SlackAccountOutputs {
  return { ...inputs, slackId: user.id, slackUserName: user.userName, adopted, created: user.meta?.created, groupIds };
}
