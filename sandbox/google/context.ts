import { randomBytes } from "node:crypto";
import type { GoogleBehaviour } from "./behaviour";
import type { Clock } from "../oauth";
import { creationIncomplete, invalid, notFound } from "./errors";
import type { GoogleStore, Json, UserRecord } from "./store";

/** What every route needs: state, time, the behaviour knobs and the account's identity. */
export class GoogleContext {
  constructor(
    readonly store: GoogleStore,
    readonly clock: Clock,
    readonly behaviour: () => GoogleBehaviour,
    readonly customerId: string,
    readonly domain: string,
  ) {}

  newId(): string {
    return String(100000000000000000000n + BigInt(`0x${randomBytes(8).toString("hex")}`));
  }

  etag(): string {
    return `"${randomBytes(12).toString("base64url")}"`;
  }

  /** `customer=my_customer|<id>` or `domain=<domain>`: list calls need one of them. */
  checkScope(query: Json): void {
    const { customer, domain } = query;
    if (customer === undefined && domain === undefined) throw invalid("Bad Request: customer or domain is required");
    if (customer !== undefined && customer !== "my_customer" && customer !== this.customerId)
      throw notFound("customer");
    if (domain !== undefined && String(domain).toLowerCase() !== this.domain) throw notFound("domain");
  }

  visible(record: { insertedAt: number }): boolean {
    return this.clock.now() - record.insertedAt >= this.behaviour().visibilityDelayMs;
  }

  /** A user get/list can see: propagation hides a fresh one, as a lagging replica does. */
  readableUser(key: string, param = "userKey"): UserRecord {
    const record = this.store.userByKey(key);
    if (!record || !this.visible(record)) throw notFound(param);
    return record;
  }

  /** A user a mutation can touch: right after insert Google answers "User creation is not complete". */
  mutableUser(key: string, param = "userKey"): UserRecord {
    const record = this.store.userByKey(key);
    if (!record) throw notFound(param);
    if (this.clock.now() - record.insertedAt < this.behaviour().creationIncompleteMs) throw creationIncomplete();
    return record;
  }

  requireOrgUnit(path: unknown): void {
    if (path === undefined || path === null || path === "/") return;
    if (!this.store.orgUnits.has(String(path))) throw invalid("INVALID_OU_ID");
  }
}
