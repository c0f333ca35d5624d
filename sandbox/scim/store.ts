import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { jsonFileSaver } from "../json-file-saver";
import { KeyIndex } from "../key-index";

export type ScimRecord = Record<string, any> & {
  id: string;
  meta: { created: string; lastModified: string; version: string };
};

type Kind = "User" | "Group";

/** One SCIM server's data: users and groups by id, saved to `<dataDir>/scim.json` when given. */
export interface ScimStore {
  /** Read from the maps; write through `put` and `remove`, which keep the indexes. */
  User: Map<string, ScimRecord>;
  Group: Map<string, ScimRecord>;
  /** Users by userName and externalId, any case: equality filters and the userName uniqueness check start here. */
  userKeys: KeyIndex;
  /** Groups by member user id. */
  memberships: KeyIndex;
  put(kind: Kind, record: ScimRecord): void;
  /** False when there was no such record. */
  remove(kind: Kind, id: string): boolean;
  /** Call after every change; writes are batched. */
  changed(): void;
  /** Write pending changes now (on stop). */
  flush(): void;
}

export function createScimStore(dataDir?: string): ScimStore {
  const file = dataDir ? path.join(dataDir, "scim.json") : undefined;
  const saved =
    file && existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as { User: ScimRecord[]; Group: ScimRecord[] })
      : undefined;
  const User = new Map<string, ScimRecord>();
  const Group = new Map<string, ScimRecord>();
  const userKeys = new KeyIndex();
  const memberships = new KeyIndex(true);
  const put = (kind: Kind, record: ScimRecord) => {
    if (kind === "User") {
      User.set(record.id, record);
      userKeys.set(record.id, [record.userName, record.externalId]);
    } else {
      Group.set(record.id, record);
      memberships.set(
        record.id,
        ((record.members ?? []) as { value: unknown }[]).map((m) => m.value),
      );
    }
  };
  const remove = (kind: Kind, id: string) => {
    (kind === "User" ? userKeys : memberships).delete(id);
    return (kind === "User" ? User : Group).delete(id);
  };
  for (const record of saved?.User ?? []) put("User", record);
  for (const record of saved?.Group ?? []) put("Group", record);
  const saver = jsonFileSaver(file, () => ({ User: [...User.values()], Group: [...Group.values()] }));
  return { User, Group, userKeys, memberships, put, remove, ...saver };
}
