import type { HeldPassword } from "../held-password";
import { JsonFileStore } from "../json-file-saver";
import { KeyIndex } from "../key-index";

export type Json = Record<string, unknown>;

/** A user as the emulator keeps it: the API resource plus facts only the emulator observes. */
export interface UserRecord {
  resource: Json;
  insertedAt: number;
  passwordSetAt: number;
  /** The password as a hash (the API never returns it; `/_sandbox/password-check` compares against it). */
  password?: HeldPassword;
  /** Times users.signOut was called (the kill switch is observable through this). */
  signOuts: number[];
  deletedAt?: number;
}

export interface GroupRecord {
  resource: Json;
  insertedAt: number;
  /** Lower-cased member email → Member resource. */
  members: Map<string, Json>;
}

/** What `GoogleStore` keeps in its file: every Map as its entries. */
interface SavedGoogle {
  users: [string, UserRecord][];
  deleted: [string, UserRecord][];
  groups: [string, Omit<GroupRecord, "members"> & { members: [string, Json][] }][];
  orgUnits: [string, Json][];
}

/** All emulator state; serialisable to one JSON file when the sandbox persists under a data dir. */
export class GoogleStore extends JsonFileStore<SavedGoogle> {
  users = new Map<string, UserRecord>();
  deleted = new Map<string, UserRecord>();
  /** Lower-cased primary email or alias → user id. */
  emailIndex = new Map<string, string>();
  /** Live users by external id value (`indexExternalIds` after every change to one). */
  externalIds = new KeyIndex();
  groups = new Map<string, GroupRecord>();
  groupIndex = new Map<string, string>();
  orgUnits = new Map<string, Json>();

  /** What the file holds (the inverse of load): every Map as its entries. */
  protected saved(): SavedGoogle {
    const groups = [...this.groups].map(([id, g]): SavedGoogle["groups"][number] => [
      id,
      { ...g, members: [...g.members] },
    ]);
    return { users: [...this.users], deleted: [...this.deleted], groups, orgUnits: [...this.orgUnits] };
  }

  userByKey(key: string): UserRecord | undefined {
    return this.users.get(key) ?? this.users.get(this.emailIndex.get(key.toLowerCase()) ?? "");
  }

  groupByKey(key: string): GroupRecord | undefined {
    return this.groups.get(key) ?? this.groups.get(this.groupIndex.get(key.toLowerCase()) ?? "");
  }

  indexUser(id: string, emails: string[]): void {
    for (const email of emails) this.emailIndex.set(email.toLowerCase(), id);
  }

  unindexUser(record: UserRecord): void {
    const emails = [record.resource.primaryEmail, ...((record.resource.aliases as string[] | undefined) ?? [])];
    for (const email of emails) this.emailIndex.delete(String(email).toLowerCase());
    this.externalIds.delete(String(record.resource.id));
  }

  indexExternalIds(record: UserRecord): void {
    const values = ((record.resource.externalIds as Json[] | undefined) ?? []).map((e) => e.value);
    this.externalIds.set(String(record.resource.id), values);
  }

  /** The live users an exact `externalId` or `email` query clause can match, in the order a scan finds them. */
  usersMatching(clause: { field: "externalId" | "email"; value: string }): UserRecord[] {
    if (clause.field === "externalId") return this.externalIds.pick(this.users, clause.value);
    const user = this.users.get(this.emailIndex.get(clause.value.toLowerCase()) ?? "");
    return user ? [user] : [];
  }

  load(): void {
    const data = this.read();
    if (!data) return;
    this.users = new Map(data.users);
    this.deleted = new Map(data.deleted);
    this.orgUnits = new Map(data.orgUnits);
    this.groups = new Map(data.groups.map(([id, g]) => [id, { ...g, members: new Map(g.members) }]));
    for (const [id, u] of this.users) {
      this.indexUser(id, [String(u.resource.primaryEmail), ...((u.resource.aliases as string[]) ?? [])]);
      this.indexExternalIds(u);
    }
    for (const [id, g] of this.groups) this.groupIndex.set(String(g.resource.email).toLowerCase(), id);
  }
}
