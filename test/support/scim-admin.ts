import { expect } from "vitest";

/**
 * Calls straight to a SCIM server (a SCIMMY sandbox, the Slack emulator), as an admin of the app would make them:
 * not through the providers, so nothing the process keeps learns of them.
 */
export function scimAdmin(url: string, token: string) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

export const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** A SCIM-family app under test: its admin, an account provider's create, and what the server holds. */
export interface MembershipTarget {
  admin: ReturnType<typeof scimAdmin>;
  /** A new account for employee `id` in `groups`, through the provider. */
  join(id: string, groups: string[]): Promise<{ id: string; outs?: unknown }>;
  members(groupId: string): Promise<string[]> | string[];
  /** Group lookups (`GET …/Groups`) the server has answered so far. */
  lookups(): number;
  missingCode: string;
}

/**
 * scim/membership.ts's promise, the same for every app of the family: a process looks a group up once however many
 * accounts join it, again once the id it keeps is stale, and names a group gone for good. `ids` are four unused
 * employee ids.
 */
export async function groupIdsKeptPerProcess(t: MembershipTarget, ids: [string, string, string, string]) {
  const body = { schemas: [GROUP_URN], displayName: "all-staff" };
  // Made in the app by hand, not by this process, which has not learned its id.
  const made = await t.admin<{ id: string }>("POST", "/Groups", body);
  const before = t.lookups();
  const a = await t.join(ids[0], ["all-staff"]);
  const b = await t.join(ids[1], ["all-staff"]);
  expect(t.lookups() - before).toBe(1); // each lookup answers with every member: not one per joiner
  expect(await t.members(made.id)).toEqual([a.id, b.id]);

  // Deleted and made again behind this process's back: the join meets 404 and looks the name up again.
  await t.admin("DELETE", `/Groups/${made.id}`);
  const again = await t.admin<{ id: string }>("POST", "/Groups", body);
  const c = await t.join(ids[2], ["all-staff"]);
  expect((c.outs as { groupIds?: unknown }).groupIds).toEqual({ "all-staff": again.id });
  expect(await t.members(again.id)).toEqual([c.id]);
  expect(t.lookups() - before).toBe(2);

  // Gone for good: the account names the missing group, as when it never existed.
  await t.admin("DELETE", `/Groups/${again.id}`);
  await expect(t.join(ids[3], ["all-staff"])).rejects.toMatchObject({
    code: t.missingCode,
    message: expect.stringContaining("all-staff"),
  });
}
