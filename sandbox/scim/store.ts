import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { jsonFileSaver } from "../json-file-saver";

export type ScimRecord = Record<string, any> & {
  id: string;
  meta: { created: string; lastModified: string; version: string };
};

/** One SCIM server's data: users and groups by id, saved to `<dataDir>/scim.json` when given. */
export interface ScimStore {
  User: Map<string, ScimRecord>;
  Group: Map<string, ScimRecord>;
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
  const User = new Map((saved?.User ?? []).map((r) => [r.id, r]));
  const Group = new Map((saved?.Group ?? []).map((r) => [r.id, r]));
  return { User, Group, ...jsonFileSaver(file, () => ({ User: [...User.values()], Group: [...Group.values()] })) };
}
