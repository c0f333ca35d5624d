import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";
import path from "node:path";

export type ScimRecord = Record<string, any> & { id: string; meta: { created: string; lastModified: string; version: string } };

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
  const saved = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { User: ScimRecord[]; Group: ScimRecord[] }) : undefined;
  let timer: NodeJS.Timeout | undefined;
  const store: ScimStore = {
    User: new Map((saved?.User ?? []).map((r) => [r.id, r])),
    Group: new Map((saved?.Group ?? []).map((r) => [r.id, r])),
    changed() {
      if (!file || timer) return;
      timer = setTimeout(() => store.flush(), 100);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!file) return;
      mkdirSync(path.dirname(file), { recursive: true });
      // write-then-rename so a crash mid-write never leaves a truncated file
      writeFileSync(`${file}.tmp`, JSON.stringify({ User: [...store.User.values()], Group: [...store.Group.values()] }));
      renameSync(`${file}.tmp`, file);
    },
  };
  return store;
}
