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
      const all = [...store[kind].values()];
      if (!resource.filter) return all.map(present);
      const filter = new SCIMMY.Types.Filter(
        decodeFilterExpression(JSON.parse(JSON.stringify(resource.filter))) as any,
      );
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
      store[kind].set(id, record);
      store.changed();
      return kind === "User" ? withGroups(record, store) : record;
    },
    degress: (resource: any, store: ScimStore) => {
      if (!store[kind].delete(resource.id)) throw notFound(kind, resource.id);
      if (kind === "User") for (const group of store.Group.values()) dropMember(group, resource.id);
      store.changed();
    },
  };
}

/** userName is unique without regard to case (RFC 7643 §4.1.1); SCIMMY does not check it. */
function assertUniqueUserName(store: ScimStore, userName: string, selfId?: string): void {
  const wanted = String(userName).toLowerCase();
  for (const user of store.User.values()) {
    if (user.id !== selfId && String(user.userName).toLowerCase() === wanted) {
      throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${userName} already exists`);
    }
  }
}

/** The readOnly `groups` attribute, computed from group membership as real servers do. */
function withGroups(user: ScimRecord, store: ScimStore): ScimRecord {
  const groups = [...store.Group.values()]
    .filter((g) => (g.members ?? []).some((m: { value: string }) => m.value === user.id))
    .map((g) => ({ value: g.id, display: g.displayName, type: "direct" }));
  return { ...user, groups };
}

function dropMember(group: ScimRecord, userId: string): void {
  if (group.members?.some((m: { value: string }) => m.value === userId)) {
    group.members = group.members.filter((m: { value: string }) => m.value !== userId);
  }
}
