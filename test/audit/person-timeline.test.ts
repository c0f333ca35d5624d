import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personTimeline, type TimelineEvent } from "../../provider/audit";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());

/** `version event detail` per step of one app, the compact form the expectations are written in. */
const steps = (events: TimelineEvent[] | undefined) =>
  (events ?? []).map((e) => [e.update.version, e.event, e.detail ?? ""].join(" ").trim());

describe("audit person", () => {
  it("joiner: created disabled before the hire date, enabled with groups on the first day", () => {
    const t = personTimeline(s.updates, "E100");
    expect(t.displayName).toBe("Ada Joiner");
    expect(steps(t.apps.slack)).toEqual([
      "1 created disabled (pre-hire)",
      "2 enabled active",
      "2 group-added engineering",
    ]);
    expect(steps(t.apps.google)).toEqual([
      "1 created disabled (pre-hire)",
      "2 enabled active",
      "2 group-added all-staff",
    ]);
    const enabled = t.apps.slack![1]!;
    expect(enabled).toMatchObject({
      roleIds: ["employee"],
      update: {
        version: 2,
        time: T[2],
        gitHead: "c2bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        gitAuthor: "Bob Builder",
        ciRun: "https://ci.example.com/acme/identity/actions/runs/102",
        message: "Ada Joiner starts",
      },
    });
    expect(t.apps.slack![2]!.roleIds).toEqual(["engineer"]);
  });

  it("mover: attributes change, groups swap, and a new privileged account appears in the same update", () => {
    const t = personTimeline(s.updates, "E200");
    expect(Object.keys(t.apps).sort()).toEqual(["google", "scim:github", "slack"]);
    expect(steps(t.apps.slack)).toEqual([
      "1 created enabled",
      "1 group-added sales",
      "3 attributes-changed title: Account Executive → Engineering Lead; department: Sales → Engineering",
      "3 group-added engineering",
      "3 group-removed sales",
    ]);
    expect(steps(t.apps["scim:github"])).toEqual(["3 created enabled", "3 group-added maintainers"]);
    expect(t.apps["scim:github"]![1]!.roleIds).toEqual(["eng-lead"]);
  });

  it("leaver: disabled and sessions revoked on the last day, deleted after retention", () => {
    const t = personTimeline(s.updates, "E300");
    expect(steps(t.apps.google)).toEqual([
      "1 created enabled",
      "1 group-added all-staff",
      "4 disabled terminated",
      "4 sessions-revoked terminated",
      "7 deleted",
    ]);
    expect(t.apps.google!.at(-1)!.update).toMatchObject({ time: T[7], gitAuthor: "Bob Builder" });
  });

  it("rehire: the same accounts are disabled, then enabled again", () => {
    const t = personTimeline(s.updates, "E400");
    expect(steps(t.apps.slack)).toEqual([
      "1 created enabled",
      "1 group-added engineering",
      "3 disabled terminated since 2026-01-30",
      "3 sessions-revoked terminated since 2026-01-30",
      "5 enabled active since 2026-03-02",
    ]);
  });

  it("kill switch: disabled, sessions revoked, admin and privileged group removed, by whoever ran it", () => {
    const t = personTimeline(s.updates, "E500");
    expect(steps(t.apps.google).slice(-4)).toEqual([
      "6 disabled terminated since 2026-03-10",
      "6 sessions-revoked terminated since 2026-03-10",
      "6 group-removed admins",
      "6 admin-revoked",
    ]);
    expect(t.apps.google!.at(-1)!.update).toEqual({
      version: 6,
      time: T[6],
      kind: "update",
      result: "succeeded",
      message: "idlc kill E500: laptop stolen",
      gitHead: "c6ffffffffffffffffffffffffffffffffffffff",
      gitAuthor: "Carol Security",
    });
    expect(steps(t.apps.google)).toContain("1 admin-granted");
  });

  it("events are in time order across apps, and an unknown person has none", () => {
    const times = personTimeline(s.updates, "E500").events.map((e) => e.update.version);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(personTimeline(s.updates, "E999")).toEqual({ employeeId: "E999", events: [], apps: {} });
  });
});
