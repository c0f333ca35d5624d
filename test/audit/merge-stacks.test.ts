/**
 * A deployment's histories read as one: the scripted stack's history cut into two shards by app (directory apps in
 * one, the rest in the other), each shard keeping every update's metadata, then merged back. Every question asked
 * of the merged list answers as it did for the one stack; only each step now names its shard.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessAsOf,
  mergeStackHistories,
  personTimeline,
  type AuditResource,
  type AuditUpdate,
  type PersonTimeline,
} from "../../provider/audit";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());

const directory = (r: AuditResource) => ["entra", "google", "ldap"].includes(r.appKey.split(":")[0]!);
const shard = (keep: (r: AuditResource) => boolean): AuditUpdate[] =>
  s.updates.map((u) => ({ ...u, ...(u.resources ? { resources: u.resources.filter(keep) } : {}) }));
const merged = () =>
  mergeStackHistories([
    { stack: "dirs", updates: shard(directory) },
    { stack: "apps", updates: shard((r) => !directory(r)) },
  ]);
/** A timeline without the shard names its steps carry. */
const unnamed = (t: PersonTimeline) => JSON.parse(JSON.stringify(t, (k, v) => (k === "stack" ? undefined : v)));

describe("mergeStackHistories", () => {
  it("gives every person the timeline the one stack gave, each step naming the shard that made it", () => {
    const all = merged();
    const ids = [...new Set(s.people.map((p) => p.employeeId))];
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(unnamed(personTimeline(all, id)), id).toEqual(personTimeline(s.updates, id));
    const slack = personTimeline(all, "E100").apps.slack!;
    expect(slack.every((e) => e.update.stack === "apps")).toBe(true);
    expect(personTimeline(all, "E100").apps.google!.every((e) => e.update.stack === "dirs")).toBe(true);
  });

  it("answers who had access on any date as the one stack did", () => {
    const all = merged();
    for (const at of Object.values(T)) {
      expect(accessAsOf(all, at).rows, at).toEqual(accessAsOf(s.updates, at).rows);
    }
    expect(accessAsOf(all, T[7]).rows.length).toBeGreaterThan(5);
  });

  it("reads the base's own history from before its split first, its state standing until the shards take over", () => {
    const cut = 3;
    const all = mergeStackHistories(
      [
        { stack: "dirs", updates: shard(directory).slice(cut) },
        { stack: "apps", updates: shard((r) => !directory(r)).slice(cut) },
      ],
      { stack: "base", updates: s.updates.slice(0, cut) },
    );
    expect(all.map((u) => u.stack)).toEqual([...Array(cut).fill("base"), ...all.slice(cut).map((u) => u.stack)]);
    for (const p of s.people)
      expect(unnamed(personTimeline(all, p.employeeId)), p.employeeId).toEqual(personTimeline(s.updates, p.employeeId));
    for (const at of Object.values(T)) expect(accessAsOf(all, at).rows, at).toEqual(accessAsOf(s.updates, at).rows);
  });

  it("orders the shards' updates by time, keeping each shard's own version", () => {
    const a = shard(directory).slice(0, 2);
    const b = shard((r) => !directory(r)).slice(1, 3);
    const out = mergeStackHistories([
      { stack: "a", updates: a },
      { stack: "b", updates: b },
    ]);
    expect(out.map((u) => `${u.stack} ${u.version}`)).toEqual(["a 1", "a 2", "b 2", "b 3"]);
    // After b's first update, the company is a's latest state beside b's.
    expect(out[2]!.resources).toEqual([...a[1]!.resources!, ...b[0]!.resources!]);
  });
});
