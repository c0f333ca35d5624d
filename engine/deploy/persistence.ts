import type { Crypter } from "../properties";
import { toResourceV3, type ResourceState, type ResourceV3 } from "./resource-state";

export type PendingType = "creating" | "updating" | "deleting" | "reading";

/** The state engineer's journal (engine/state `startUpdate`), as the deployment uses it. */
export interface JournalLike {
  begin(pending: { type: PendingType; resource: ResourceV3 }): Promise<unknown>;
  end(opId: unknown): unknown;
  upsert(resource: ResourceV3): unknown;
  same(urn: string): unknown;
  remove(urn: string, options?: { delete?: boolean }): unknown;
}

/** Step persistence in engine terms; encodes secrets on the way into the journal. A preview persists nothing. */
export interface Persistence {
  begin(type: PendingType, resource: ResourceState): Promise<unknown>;
  end(opId: unknown): void;
  upsert(resource: ResourceState): void;
  same(urn: string): void;
  remove(resource: ResourceState): void;
}

export function journalPersistence(journal: JournalLike, crypter: Crypter): Persistence {
  return {
    begin: (type, resource) => journal.begin({ type, resource: toResourceV3(resource, crypter) }),
    end: (opId) => void journal.end(opId),
    upsert: (resource) => void journal.upsert(toResourceV3(resource, crypter)),
    same: (urn) => void journal.same(urn),
    remove: (resource) => void journal.remove(resource.urn, resource.delete ? { delete: true } : undefined),
  };
}

export const previewPersistence: Persistence = {
  begin: async () => undefined,
  end: () => undefined,
  upsert: () => undefined,
  same: () => undefined,
  remove: () => undefined,
};
