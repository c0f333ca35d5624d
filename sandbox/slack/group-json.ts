import { groupHead, memberOf } from "./groups";
import { withRawField } from "./json-text";
import type { GroupRecord, SlackStore } from "./store";

/**
 * Slack answers every membership PATCH and every group lookup with the whole group, and documents no way to leave
 * the members out. At a big company's size that is tens of thousands of answers each holding all-hands, and
 * rendering and encoding them dominated the emulator. So each group's member list is kept rendered as UTF-8, and
 * extended when a PATCH only appended members; a display-name change anywhere starts it afresh.
 */
interface Rendered {
  revision: number;
  /** The member list these bytes render (records are replaced, never edited, so the array is its identity). */
  ids: readonly string[];
  /** The members as JSON array items, without the brackets. */
  bytes: Buffer;
}

const rendered = new WeakMap<SlackStore, Map<string, Rendered>>();

const startsWith = (list: readonly string[], prefix: readonly string[]) =>
  prefix.length <= list.length && prefix.every((id, i) => list[i] === id);

function membersBytes(store: SlackStore, g: GroupRecord): Buffer {
  let groups = rendered.get(store);
  if (!groups) rendered.set(store, (groups = new Map()));
  const kept = groups.get(g.id);
  const current = kept?.revision === store.displayRevision ? kept : undefined;
  if (current?.ids === g.members) return current.bytes;
  const from = current && startsWith(g.members, current.ids) ? current.ids.length : 0;
  const tail = g.members
    .slice(from)
    .map((id) => JSON.stringify(memberOf(store, id)))
    .join(",");
  const bytes = from === 0 ? Buffer.from(tail) : Buffer.concat([current!.bytes, Buffer.from(tail && `,${tail}`)]);
  groups.set(g.id, { revision: store.displayRevision, ids: g.members, bytes });
  return bytes;
}

/** `JSON.stringify(groupDocument(store, g, base))` as UTF-8, with the member list rendered once per change. */
export function groupJson(store: SlackStore, g: GroupRecord, base = ""): Buffer {
  return withRawField(groupHead(g, base), "members", [Buffer.from("["), membersBytes(store, g), Buffer.from("]")]);
}
