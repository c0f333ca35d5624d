import type { HeldPassword } from "../held-password";
import { JsonFileStore } from "../json-file-saver";
import { KeyIndex } from "../key-index";

export type Json = Record<string, unknown>;

/** A user or group in the directory, with when it was created (replication lag counts from there). */
export interface DirectoryObject {
  kind: "user" | "group";
  resource: Json;
  createdAt: number;
  deletedAt?: number;
  /** The user's password as a hash (Graph never returns it; `/_sandbox/password-check` compares against it). */
  password?: HeldPassword;
}

/** What `EntraStore` keeps in its file: every Map as its entries. */
interface SavedEntra {
  objects: [string, DirectoryObject][];
  deleted: [string, DirectoryObject][];
  members: [string, string[]][];
  managers: [string, string][];
}

/** All emulator state; serialisable to one JSON file when the sandbox persists under a data dir. */
export class EntraStore extends JsonFileStore<SavedEntra> {
  objects = new Map<string, DirectoryObject>();
  deleted = new Map<string, DirectoryObject>();
  /** Lower-cased userPrincipalName → id. */
  upnIndex = new Map<string, string>();
  /** Live users by employeeId (`indexEmployeeId` after every change to one). */
  employeeIds = new KeyIndex();
  /** Group id → member ids (kept while a user sits in deleted items, as Graph does). */
  members = new Map<string, Set<string>>();
  /** User id → manager id. */
  managers = new Map<string, string>();

  /** What the file holds (the inverse of load): every Map as its entries. */
  protected saved(): SavedEntra {
    const members = [...this.members].map(([g, m]): [string, string[]] => [g, [...m]]);
    return { objects: [...this.objects], deleted: [...this.deleted], members, managers: [...this.managers] };
  }

  indexEmployeeId(o: DirectoryObject): void {
    if (o.kind === "user") this.employeeIds.set(String(o.resource.id), [o.resource.employeeId]);
  }

  load(): void {
    const data = this.read();
    if (!data) return;
    this.objects = new Map(data.objects);
    this.deleted = new Map(data.deleted);
    this.members = new Map(data.members.map(([g, m]) => [g, new Set(m)]));
    this.managers = new Map(data.managers);
    for (const [id, o] of this.objects) {
      if (o.kind === "user") this.upnIndex.set(String(o.resource.userPrincipalName).toLowerCase(), id);
      this.indexEmployeeId(o);
    }
  }
}
