// The Slack emulator at a big company's size: the per-call member limit counts what a request names, membership
// PATCHes on a group take the member-list path with the whole-document path's results, and lookups served from the
// user index return what a scan of every user returns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupJson } from "../../../sandbox/slack/group-json";
import { createGroup, getGroup, groupDocument, MAX_MEMBERS_PER_CALL, updateGroup } from "../../../sandbox/slack/groups";
import { SlackStore } from "../../../sandbox/slack/store";
import { createUser, deactivateUser, listUsers, updateUser } from "../../../sandbox/slack/users";
import { GROUP, newUser, patchOps } from "./call";

const addMembers = (...ids: string[]) => ({ op: "add", path: "members", value: ids.map((value) => ({ value })) });
const removeMember = (id: string) => ({ op: "remove", path: `members[value eq "${id}"]` });
/** A rename to the same name: any PATCH carrying it takes the whole-document path. */
const sameName = (name: string) => ({ op: "replace", path: "displayName", value: name });

/** What a PATCH leaves, or the Slack error detail it is refused with. */
function patched(store: SlackStore, id: string, ops: unknown[]): string[] | string {
  try {
    return updateGroup(store, id, patchOps(...ops), "patch").members;
  } catch (error) {
    return (error as { detail: string }).detail;
  }
}

describe("Slack emulator at scale", () => {
  it("limits the users one call names, not the group's size: a 15,001st member joins by PATCH", () => {
    const store = new SlackStore();
    const ids = Array.from(
      { length: MAX_MEMBERS_PER_CALL + 1 },
      (_, i) => createUser(store, newUser(`u${i}`, `u${i}@corp.com`)).id,
    );
    const first = ids.slice(0, MAX_MEMBERS_PER_CALL).map((value) => ({ value }));
    const group = createGroup(store, { schemas: [GROUP], displayName: "all-hands", members: first });
    expect(patched(store, group.id, [addMembers(ids.at(-1)!)])).toHaveLength(MAX_MEMBERS_PER_CALL + 1);
    // Both paths: a rename of a group over the limit names no user.
    expect(patched(store, group.id, [sameName("all-hands")])).toHaveLength(MAX_MEMBERS_PER_CALL + 1);
    expect(patched(store, group.id, [removeMember(ids[0]!), addMembers(...ids)])).toBe("too_many_users");
    expect(patched(store, group.id, [sameName("all-hands"), addMembers(...ids)])).toBe("too_many_users");
    expect(getGroup(store, group.id).members).toHaveLength(MAX_MEMBERS_PER_CALL + 1);
  });

  it("gives a membership PATCH the whole-document path's members and errors", () => {
    // Ids are a store's sequence, the same in every new store: four active users, one deactivated, one unknown.
    const withUsers = () => {
      const store = new SlackStore();
      const ids = ["a", "b", "c", "d", "e"].map((n) => createUser(store, newUser(n, `${n}@corp.com`)).id);
      deactivateUser(store, ids[4]!);
      return { store, ids };
    };
    const id = fc.constantFrom(...withUsers().ids, "U_NOBODY");
    const op = fc.oneof(
      fc.array(id, { maxLength: 3 }).map((ids) => addMembers(...ids)),
      id.chain((one) =>
        fc.constantFrom(removeMember(one), removeMember(one.toLowerCase()), {
          op: "remove",
          path: `members[value eq ${one}]`,
        }),
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (steps) => {
        const { store } = withUsers();
        const fast = createGroup(store, { schemas: [GROUP], displayName: "fast" }).id;
        const whole = createGroup(store, { schemas: [GROUP], displayName: "whole" }).id;
        for (const ops of steps)
          expect(patched(store, fast, ops)).toEqual(patched(store, whole, [sameName("whole"), ...ops]));
      }),
      { numRuns: 200 },
    );
  });

  it("answers with the group as its whole document renders it, through joins, leaves and renames", () => {
    const names = fc.constantFrom("Ana", 'Ben "B" O\'Neil', "Zoë \u2028 Ünal", "c\\d", "");
    const step = fc.oneof(
      fc.array(fc.nat(5), { minLength: 1, maxLength: 3 }).map((users) => ({ join: users })),
      fc.nat(5).map((user) => ({ leave: user })),
      fc.tuple(fc.nat(5), names).map(([user, name]) => ({ rename: user, name })),
      fc.constant({ sameName: true }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const store = new SlackStore();
        const ids = ["a", "b", "c", "d", "e", "f"].map((n) => createUser(store, newUser(n, `${n}@corp.com`)).id);
        const { id } = createGroup(store, { schemas: [GROUP], displayName: "all-hands" });
        const quirks = { deactivateOnNextUpdates: 0 };
        for (const s of steps) {
          if ("join" in s) patched(store, id, [addMembers(...s.join.map((i) => ids[i]!))]);
          else if ("leave" in s) patched(store, id, [removeMember(ids[s.leave]!)]);
          else if ("rename" in s) {
            const op = { op: "replace", path: "displayName", value: s.name };
            updateUser(store, quirks, ids[s.rename]!, patchOps(op), "patch");
          } else patched(store, id, [sameName("all-hands")]);
          const group = getGroup(store, id);
          expect(groupJson(store, group, "/x").toString()).toBe(JSON.stringify(groupDocument(store, group, "/x")));
          expect([...store.membersOf(group)].sort()).toEqual([...group.members].sort());
          for (const user of ids) expect(store.groupsOf(user).length).toBe(group.members.includes(user) ? 1 : 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds users by username and email from the index as a scan of every user does", () => {
    const store = new SlackStore();
    createUser(store, newUser("ana", "Ana.Diaz@Corp.com"));
    createUser(
      store,
      newUser("ben", "ben@corp.com", { emails: [{ value: "ben@corp.com", primary: true }, { value: "ana@corp.com" }] }),
    );
    createUser(store, newUser("ana.diaz", "ana.diaz2@corp.com"));
    const names = (filter: string) => listUsers(store, filter).map((u) => u.userName);
    const values = ["ana.diaz@corp.com", "ANA@corp.com", "ana.diaz", "ben", "nobody@corp.com"];
    for (const value of values) {
      for (const attribute of ["email", "username", "userName"]) {
        // Parentheses make the same filter one the index does not serve: every user is tested.
        expect(names(`${attribute} eq "${value}"`)).toEqual(names(`(${attribute} eq "${value}")`));
        for (const other of values) {
          const [a, b] = [`${attribute} eq "${value}"`, `username eq "${other}"`];
          expect(names(`${a} or ${b}`)).toEqual(names(`(${a}) or (${b})`));
        }
      }
    }
    expect(names('email eq "ana@corp.com"')).toEqual(["ben"]);
    expect(names('username eq "ANA.DIAZ"')).toEqual(["ana.diaz"]);
    expect(() => createUser(store, newUser("carl", "ANA.DIAZ@corp.com"))).toThrow(/email_taken/);
    expect(() => createUser(store, newUser("Ben", "carl@corp.com"))).toThrow(/username_taken/);
  });
});
