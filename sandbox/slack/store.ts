import { mkdirSync } from "node:fs";
import path from "node:path";
import { JsonFileStore } from "../json-file-saver";
import { KeyIndex } from "../key-index";

/** Enterprise-extension fields Slack stores; `managerId` is always a resolved Slack user id. */
export interface EnterpriseFields {
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  managerId?: string;
}

/** What Slack keeps of a user: one primary and at most one secondary email (app-apis.md §1.3). */
export interface UserRecord {
  id: string;
  externalId: string;
  userName: string;
  displayName: string;
  givenName: string;
  familyName: string;
  title: string;
  active: boolean;
  primaryEmail: string;
  secondaryEmail?: string;
  enterprise: EnterpriseFields;
  primaryOwner: boolean;
  created: string;
  lastModified: string;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  /** Member user ids in insertion order. */
  members: string[];
  created: string;
  lastModified: string;
}

interface Snapshot {
  seq: number;
  users: UserRecord[];
  groups: GroupRecord[];
}

/** Channel names share the username namespace (no `@general` while `#general` exists). */
export const SEEDED_CHANNELS = ["general", "random"];

export const PRIMARY_OWNER = { userName: "primary-owner", email: "owner@example.com" };

/**
 * The emulator's whole state, in insertion order (Slack lists oldest first). Users are never removed:
 * Slack has no hard delete. With a data dir, each burst of writes is saved atomically to `slack.json` (`changed`).
 */
export class SlackStore extends JsonFileStore<Snapshot> {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  /** Users by username and by either email, kept by `putUser`. */
  readonly userKeys = new KeyIndex();
  /** Each group record's members as a set (records are replaced, never edited, so a record's set never changes). */
  private readonly memberSets = new WeakMap<GroupRecord, Set<string>>();
  /** Bumped when a user's display name changes: rendered member lists (group-json.ts) show display names. */
  displayRevision = 0;
  private seq = 0;

  constructor(file?: string) {
    super(file);
    const saved = this.read();
    if (saved) this.load(saved);
    else this.seedPrimaryOwner();
  }

  static open(dataDir?: string): SlackStore {
    if (!dataDir) return new SlackStore();
    mkdirSync(dataDir, { recursive: true });
    return new SlackStore(path.join(dataDir, "slack.json"));
  }

  nextId(prefix: "U" | "S"): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(36).toUpperCase().padStart(9, "0")}`;
  }

  primaryOwner(): UserRecord {
    return [...this.users.values()].find((u) => u.primaryOwner)!;
  }

  /** Stores a user (new or replaced) and indexes it. */
  putUser(user: UserRecord): void {
    const before = this.users.get(user.id);
    if (before && before.displayName !== user.displayName) this.displayRevision += 1;
    this.users.set(user.id, user);
    this.userKeys.set(user.id, [user.userName, user.primaryEmail, user.secondaryEmail]);
  }

  membersOf(group: GroupRecord): ReadonlySet<string> {
    let members = this.memberSets.get(group);
    if (!members) this.memberSets.set(group, (members = new Set(group.members)));
    return members;
  }

  /**
   * `next` is `previous` with `added` appended (a membership PATCH): its set is `previous`'s, moved and extended, so
   * a join to a group of tens of thousands does not rebuild the set from every id.
   */
  extendMembers(previous: GroupRecord, next: GroupRecord, added: readonly string[]): void {
    const members = this.memberSets.get(previous);
    if (!members) return;
    this.memberSets.delete(previous);
    for (const id of added) members.add(id);
    this.memberSets.set(next, members);
  }

  groupsOf(userId: string): GroupRecord[] {
    return [...this.groups.values()].filter((g) => this.membersOf(g).has(userId));
  }

  protected saved(): Snapshot {
    return { seq: this.seq, users: [...this.users.values()], groups: [...this.groups.values()] };
  }

  private load(snapshot: Snapshot): void {
    this.seq = snapshot.seq;
    for (const u of snapshot.users) this.putUser(u);
    for (const g of snapshot.groups) this.groups.set(g.id, g);
  }

  private seedPrimaryOwner(): void {
    const now = new Date().toISOString();
    const id = this.nextId("U");
    this.putUser({
      id,
      externalId: "",
      userName: PRIMARY_OWNER.userName,
      displayName: "Primary Owner",
      givenName: "Primary",
      familyName: "Owner",
      title: "",
      active: true,
      primaryEmail: PRIMARY_OWNER.email,
      enterprise: {},
      primaryOwner: true,
      created: now,
      lastModified: now,
    });
    this.changed();
  }
}
