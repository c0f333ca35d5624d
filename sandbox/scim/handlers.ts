import { randomUUID } from "node:crypto";
import SCIMMY from "scimmy";
import { decodeFilterExpression } from "./filter-literals";
import type { ScimRecord, ScimStore } from "./store";

type Kind = "User" | "Group";
const now = () => new Date().toISOString();
const notFound = (kind: Kind, id: string) =>
  new SCIMMY.Types.Error(404, null as unknown as string, `${kind} ${id} not found`);

/**
 * SCIMMY's resources are process-global, so they are declared once and each request's handlers reach their own
 * server's store through the request context (`SCIMMYRouters({ context })`). Several servers can then share
 * one process.
 */
export function declareScimResources(): void {
  if (SCIMMY.Resources.declared("User")) return;
  SCIMMY.Resources.declare(
    SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser as any, false),
    handlers("User") as any,
  );
  SCIMMY.Resources.declare(SCIMMY.Resources.Group, handlers("Group") as any);
}

function handlers(kind: Kind) {
  return {
    egress: (resource: any, store: ScimStore) => {
      const present = (r: ScimRecord) => (kind === "User" ? withGroups(r, store) : r);
      if (resource.id) {
        const found = store[kind].get(resource.id);
        if (!found) throw notFound(kind, resource.id);
        return present(found);
      }
      const expression = resource.filter
        ? decodeFilterExpression(JSON.parse(JSON.stringify(resource.filter)))
        : undefined;
      const all = kind === "User" && expression ? usersFor(expression, store) : [...store[kind].values()];
      if (!expression) return all.map(present);
      const filter = new SCIMMY.Types.Filter(expression as any);
      // Match on copies with userName lower-cased (caseExact:false), then hand back the stored records.
      const copies = new Map(
        all.map((r) => [typeof r.userName === "string" ? { ...r, userName: r.userName.toLowerCase() } : r, r]),
      );
      const matches = (candidates: ScimRecord[]) =>
        (filter.match(candidates) as ScimRecord[]).map((c) => copies.get(c)!);
      let matched: ScimRecord[];
      try {
        matched = matches([...copies.keys()]);
      } catch {
        // SCIMMY's Filter.match throws on records lacking a filtered parent attribute: match those one by one.
        matched = [...copies.keys()].flatMap((c) => {
          try {
            return matches([c]);
          } catch {
            return [];
          }
        });
      }
      return matched.map(present);
    },
    ingress: (resource: any, instance: any, store: ScimStore) => {
      const prev = resource.id ? store[kind].get(resource.id) : undefined;
      if (resource.id && !prev) throw notFound(kind, resource.id);
      if (kind === "User") assertUniqueUserName(store, instance.userName, resource.id);
      const id = resource.id ?? randomUUID();
      const version = `W/"${Number(prev?.meta.version.slice(3, -1) ?? 0) + 1}"`;
      const { groups: _computed, meta: _meta, ...attributes } = { ...instance };
      const record: ScimRecord = {
        ...attributes,
        id,
        meta: { created: prev?.meta.created ?? now(), lastModified: now(), version },
      };
      store.put(kind, record);
      store.changed();
      return kind === "User" ? withGroups(record, store) : record;
    },
    degress: (resource: any, store: ScimStore) => {
      if (!store.remove(kind, resource.id)) throw notFound(kind, resource.id);
      if (kind === "User")
        for (const group of store.memberships.pick(store.Group, resource.id)) {
          store.put("Group", {
            ...group,
            members: group.members.filter((m: { value: string }) => m.value !== resource.id),
          });
        }
      store.changed();
    },
  };
}

/**
 * The users a filter can match, when each of its `or` branches asks for a userName or externalId by `eq` (idlc's
 * lookups): those the index holds under the values. Every user for any other filter. SCIMMY still matches each one.
 */
function usersFor(expression: unknown, store: ScimStore): ScimRecord[] {
  const keys = (expression as Record<string, unknown>[]).map((branch) => {
    const eq = Object.entries(branch).find(
      ([attribute, test]) =>
        /^(userName|externalId)$/i.test(attribute) &&
        Array.isArray(test) &&
        test[0] === "eq" &&
        typeof test[1] === "string",
    );
    return eq ? ((eq[1] as string[])[1] as string) : undefined;
  });
  if (!keys.length || keys.some((k) => k === undefined)) return [...store.User.values()];
  return store.userKeys.pick(store.User, ...(keys as string[]));
}

/** userName is unique without regard to case (RFC 7643 §4.1.1); SCIMMY does not check it. */
function assertUniqueUserName(store: ScimStore, userName: string, selfId?: string): void {
  const wanted = String(userName).toLowerCase();
  for (const user of store.userKeys.pick(store.User, wanted)) {
    if (user.id !== selfId && String(user.userName).toLowerCase() === wanted) {
      throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${userName} already exists`);
    }
  }
}

/** The readOnly `groups` attribute, computed from group membership as real servers do. */
function withGroups(user: ScimRecord, store: ScimStore): ScimRecord {
  const groups = store.memberships
    .pick(store.Group, user.id)
    .map((g) => ({ value: g.id, display: g.displayName, type: "direct" }));
  return { ...user, groups };
}
