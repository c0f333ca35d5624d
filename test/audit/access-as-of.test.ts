import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessAsOf, AuditSourceError, type AccessRow } from "../../provider/audit";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());

/** `id app entitlement status` for every row, the compact form the expectations are written in. */
const compact = (rows: AccessRow[]) =>
  rows.map((r) => `${r.employeeId} ${r.app} ${r.entitlement} ${r.enabled ? "on" : "off"}`);
const enabledPeople = (rows: AccessRow[]) => [...new Set(rows.filter((r) => r.enabled).map((r) => r.employeeId))];

describe("audit access --as-of", () => {
  it("2026-01-10: the baseline; the joiner's accounts exist but are disabled (pre-hire)", () => {
    const r = accessAsOf(s.updates, "2026-01-10");
    expect(r.basedOn).toMatchObject({ version: 1, time: T[1], gitAuthor: "Alice Admin" });
    expect(enabledPeople(r.rows)).toEqual(["E200", "E300", "E400", "E500", "E600", "E700"]);
    expect(compact(r.rows.filter((x) => x.employeeId === "E100"))).toEqual([
      "E100 google account off",
      "E100 slack account off",
    ]);
    expect(compact(r.rows.filter((x) => x.employeeId === "E200"))).toEqual([
      "E200 google account on",
      "E200 google group:all-staff on",
      "E200 slack account on",
      "E200 slack group:sales on",
    ]);
    expect(r.rows.find((x) => x.employeeId === "E500" && x.entitlement === "admin")).toMatchObject({
      privileged: true,
      roles: "it-admin",
      since: T[1],
      approvedBy: "cso@example.com (SEC-1, 2025-06-01)",
    });
  });

  it("2026-02-15: the mover has moved, the first leaver of the rehire is disabled", () => {
    const r = accessAsOf(s.updates, "2026-02-15");
    expect(r.basedOn?.version).toBe(3);
    expect(enabledPeople(r.rows)).toEqual(["E100", "E200", "E300", "E500", "E600", "E700"]);
    expect(compact(r.rows.filter((x) => x.employeeId === "E200"))).toEqual([
      "E200 google account on",
      "E200 google group:all-staff on",
      "E200 scim:github account on",
      "E200 scim:github group:maintainers on",
      "E200 slack account on",
      "E200 slack group:engineering on",
    ]);
    const maintainers = r.rows.find((x) => x.entitlement === "group:maintainers")!;
    expect(maintainers).toMatchObject({
      privileged: true,
      roles: "eng-lead",
      since: T[3],
      approvedBy: "cto@example.com (ENG-7, 2026-01-30)",
    });
    expect(
      r.rows
        .filter((x) => x.employeeId === "E400")
        .every((x) => !x.enabled && x.lifecycle === "terminated" && x.since === T[3]),
    ).toBe(true);
    expect(r.rows.find((x) => x.employeeId === "E100" && x.entitlement === "account" && x.app === "slack")!.since).toBe(
      T[2],
    );
  });

  it("2026-03-15: the rehire is back (access since the rehire), the kill switch and the leaver are off", () => {
    const r = accessAsOf(s.updates, "2026-03-15", { app: "slack" });
    expect(r.basedOn?.version).toBe(6);
    expect(compact(r.rows)).toEqual([
      "E100 slack account on",
      "E100 slack group:engineering on",
      "E200 slack account on",
      "E200 slack group:engineering on",
      "E300 slack account off",
      "E400 slack account on",
      "E400 slack group:engineering on",
      "E500 slack account off",
      "E500 slack group:engineering off",
      "E600 slack account on",
      "E700 slack account on",
    ]);
    expect(r.rows.find((x) => x.employeeId === "E400" && x.entitlement === "account")!.since).toBe(T[5]);
    expect(r.rows.find((x) => x.employeeId === "E500" && x.entitlement === "account")!).toMatchObject({
      lifecycle: "terminated",
      since: T[6],
    });
  });

  it("a date is the end of that day; a time is exact", () => {
    expect(accessAsOf(s.updates, "2026-03-10").basedOn?.version).toBe(6);
    expect(accessAsOf(s.updates, "2026-03-10T14:19:59Z").basedOn?.version).toBe(5);
    expect(accessAsOf(s.updates, "2026-03-10T14:20:00Z").basedOn?.version).toBe(6);
  });

  it("before the first update there is no state; a bad date is an error", () => {
    expect(accessAsOf(s.updates, "2025-12-31")).toEqual({
      asOf: "2025-12-31T23:59:59.999Z",
      unknownUpdates: [],
      rows: [],
    });
    expect(() => accessAsOf(s.updates, "2026-02-30")).toThrow(AuditSourceError);
    expect(() => accessAsOf(s.updates, "March 1st")).toThrow(/"March 1st" is not a date/);
  });

  it("--app takes an app name or a SCIM instance key", () => {
    expect(new Set(accessAsOf(s.updates, "2026-03-15", { app: "scim" }).rows.map((r) => r.app))).toEqual(
      new Set(["scim:github"]),
    );
    expect(accessAsOf(s.updates, "2026-03-15", { app: "scim:github" }).rows).toHaveLength(2);
  });
});
