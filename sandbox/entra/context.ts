import { randomUUID } from "node:crypto";
import type { Clock } from "../oauth";
import type { EntraBehaviour } from "./behaviour";
import { badRequest, resourceNotFound } from "./errors";
import type { DirectoryObject, EntraStore } from "./store";

/** What every route needs: state, time, knobs, the tenant's verified domains and its public base URL. */
export class EntraContext {
  constructor(
    readonly store: EntraStore,
    readonly clock: Clock,
    readonly behaviour: () => EntraBehaviour,
    readonly domains: Set<string>,
    readonly publicBase: () => string,
  ) {}

  newId(): string {
    return randomUUID();
  }

  /** Whether this replica has caught up with the object's creation yet. */
  replicated(o: DirectoryObject): boolean {
    return this.clock.now() - o.createdAt >= this.behaviour().replicationDelayMs;
  }

  /** A user or group by id (users also by UPN); 404 while missing or not yet replicated. */
  find(key: string, kind?: "user" | "group"): DirectoryObject {
    const id = this.store.objects.has(key) ? key : this.store.upnIndex.get(key.toLowerCase());
    const o = id === undefined ? undefined : this.store.objects.get(id);
    if (!o || (kind && o.kind !== kind) || !this.replicated(o)) throw resourceNotFound(key);
    return o;
  }

  /** The id in an `@odata.id` reference (`…/directoryObjects/{id}`, `…/users/{id}`). */
  referencedId(body: unknown): string {
    const ref = (body as { "@odata.id"?: unknown } | undefined)?.["@odata.id"];
    const m = typeof ref === "string" ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)$/.exec(ref) : null;
    if (!m) throw badRequest("Invalid object identifier '@odata.id'.");
    return decodeURIComponent(m[1]);
  }

  context(entity: string): string {
    return `https://graph.microsoft.com/v1.0/$metadata#${entity}`;
  }
}
