import type { AppEntitlements, JmlDiff } from "./diff";

/** Per-app totals: what a reviewer scans first, and what stays readable at any number of people. */
export interface AppTotals {
  app: string;
  created: number;
  disabled: number;
  deleted: number;
  gained: number;
  lost: number;
}

export function appTotals(diff: JmlDiff): AppTotals[] {
  const totals = new Map<string, AppTotals>();
  const of = (app: string) =>
    totals.get(app) ?? totals.set(app, { app, created: 0, disabled: 0, deleted: 0, gained: 0, lost: 0 }).get(app)!;
  const count = (entitlements: AppEntitlements, field: "gained" | "lost") => {
    for (const [app, list] of Object.entries(entitlements)) of(app)[field] += list.length;
  };
  for (const j of diff.joiners) for (const app of Object.keys(j.access)) if (j.status === "created") of(app).created++;
  for (const m of diff.movers) {
    count(m.gained, "gained");
    count(m.lost, "lost");
  }
  for (const l of diff.leavers) {
    for (const app of l.disabled) of(app).disabled++;
    for (const app of l.deleted) of(app).deleted++;
    count(l.lost, "lost");
  }
  for (const r of diff.rehires) {
    for (const app of r.created) of(app).created++;
    count(r.gained, "gained");
    count(r.lost, "lost");
  }
  return [...totals.keys()].sort().map((app) => totals.get(app)!);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function headline(diff: JmlDiff): string {
  return [
    plural(diff.joiners.length, "joiner"),
    plural(diff.movers.length, "mover"),
    plural(diff.leavers.length, "leaver"),
    plural(diff.rehires.length, "rehire"),
  ].join(", ");
}

/** `slack: account, group:eng` lines for one person, one per app. */
export function entitlementLines(entitlements: AppEntitlements, sign = ""): string[] {
  return Object.keys(entitlements)
    .sort()
    .map((app) => `${sign}${app}: ${entitlements[app]!.join(", ")}`);
}

/** One person's details as lines, for both text and markdown. */
export function personDetails(diff: JmlDiff): Map<string, string[]> {
  const details = new Map<string, string[]>();
  for (const j of diff.joiners) details.set(`j/${j.employeeId}`, entitlementLines(j.access, "+ "));
  for (const m of diff.movers) {
    const changes = Object.entries(m.changes).map(([field, { from, to }]) => `${field}: ${from ?? "—"} → ${to ?? "—"}`);
    const leave = [
      ...(m.suspended.length ? [`suspended: ${m.suspended.join(", ")}`] : []),
      ...(m.resumed.length ? [`resumed: ${m.resumed.join(", ")}`] : []),
    ];
    details.set(`m/${m.employeeId}`, [
      ...changes,
      ...entitlementLines(m.gained, "+ "),
      ...entitlementLines(m.lost, "- "),
      ...leave,
    ]);
  }
  for (const l of diff.leavers) {
    const lines = [
      ...(l.disabled.length ? [`disabled now: ${l.disabled.join(", ")}`] : []),
      ...(l.deleted.length ? [`deleted: ${l.deleted.join(", ")}`] : []),
    ];
    details.set(`l/${l.employeeId}`, [...lines, ...entitlementLines(l.lost, "- ")]);
  }
  for (const r of diff.rehires) {
    const lines = [
      ...(r.reenabled.length ? [`re-enabled: ${r.reenabled.join(", ")}`] : []),
      ...(r.created.length ? [`created: ${r.created.join(", ")}`] : []),
    ];
    details.set(`r/${r.employeeId}`, [
      ...lines,
      ...entitlementLines(r.gained, "+ "),
      ...entitlementLines(r.lost, "- "),
    ]);
  }
  return details;
}
