/**
 * Slack's side of the SCIM family's account-side membership (scim/membership.ts). Slack filters groups by
 * `displayName` only, which is the group's name.
 */
// From the scim modules, not its index: the index also exports the SCIM providers.
import { scimAnyOf, scimEq, type ScimClient } from "../scim/client";
import { syncMembership, type Membership } from "../scim/membership";
import { slackSession } from "./client";
import { SlackGroupMissingError } from "./errors";

/** Slack user groups take active members only: a deactivated user (pre-hire, on leave, leaver) holds none. */
export const memberGroups = (spec: { enabled: boolean; groups: string[] }): string[] =>
  spec.enabled ? spec.groups : [];

/** Moves user `userId` from `current` to the `wanted` group names; returns the Slack ids of `wanted`, by name. */
export function syncGroups(
  client: ScimClient,
  employeeId: string,
  userId: string,
  wanted: string[],
  current: Membership,
): Promise<Record<string, string>> {
  return syncMembership(client, userId, wanted, current, {
    filter: (names) => scimAnyOf(names.map((name) => scimEq("displayName", name))),
    pick: (found, name) => found.find((g) => g.displayName === name),
    missing: (name) => new SlackGroupMissingError(employeeId, name),
    known: slackSession().groupIds,
    // The user's `groups` in a refresh snapshot no longer hold.
    beforeChange: () => slackSession().users?.invalidate(userId),
  });
}
