import { appKey } from "../roles/entitlements";
import type { AccessPlan, AccountEntry, PersonPlan } from "../plan/plan";

/** App key (`slack`, `scim:github`) → entitlements (`account`, `admin`, `group:<name>`, `license:<sku>`), sorted. */
export type AppEntitlements = Record<string, string[]>;

interface Who {
  employeeId: string;
  displayName: string;
  department?: string;
  title?: string;
  lifecycle: PersonPlan["lifecycle"];
}
/** Accounts created (pre-hire: disabled until the start date), or enabled on the first day (`activated`). */
export interface Joiner extends Who {
  status: "created" | "activated";
  hireDate?: string;
  access: AppEntitlements;
}
/** Same person, different access or attributes; `suspended`/`resumed` cover leave of absence. */
export interface Mover extends Who {
  changes: Record<string, { from?: string; to?: string }>;
  gained: AppEntitlements;
  lost: AppEntitlements;
  suspended: string[];
  resumed: string[];
}
/** Disabled now (terminated: sessions end, privileged access goes) or deleted (retention over, or gone from HR). */
export interface Leaver extends Who {
  terminationDate?: string;
  disabled: string[];
  deleted: string[];
  lost: AppEntitlements;
}
/** Back after termination: accounts re-enabled inside retention, or created again after it. */
export interface Rehire extends Who {
  hireDate?: string;
  reenabled: string[];
  created: string[];
  gained: AppEntitlements;
  lost: AppEntitlements;
}

export interface JmlDiff {
  from: string;
  to: string;
  joiners: Joiner[];
  movers: Mover[];
  leavers: Leaver[];
  rehires: Rehire[];
}

const attributes = ["displayName", "department", "title", "location", "managerEmployeeId", "employmentType"] as const;

/** Who joins, moves, leaves or returns between two plans, and what each gains and loses per app. */
export function diffPlans(before: AccessPlan, after: AccessPlan): JmlDiff {
  const diff: JmlDiff = { from: before.asOf, to: after.asOf, joiners: [], movers: [], leavers: [], rehires: [] };
  const old = new Map(before.people.map((p) => [p.employeeId, p]));
  const ids = [...new Set([...old.keys(), ...after.people.map((p) => p.employeeId)])].sort();
  const now = new Map(after.people.map((p) => [p.employeeId, p]));
  for (const id of ids) classify(old.get(id), now.get(id), diff);
  return diff;
}

function classify(b: PersonPlan | undefined, a: PersonPlan | undefined, diff: JmlDiff): void {
  const was = access(b?.accounts ?? []);
  const is = access(a?.accounts ?? []);
  const who = whoOf((a ?? b)!);
  const { gained, lost } = delta(was, is);
  const hadLeft = b?.lifecycle === "terminated" || b?.lifecycle === "removed";
  if (a && a.accounts.length > 0 && hadLeft && (a.lifecycle === "active" || a.lifecycle === "pre-hire")) {
    const created = Object.keys(is).filter((k) => !was[k]);
    diff.rehires.push({
      ...who,
      hireDate: a.hireDate,
      reenabled: Object.keys(is).filter((k) => was[k] && a.lifecycle === "active"),
      created,
      gained,
      lost,
    });
  } else if (a && a.accounts.length > 0 && (!b || b.accounts.length === 0)) {
    diff.joiners.push({ ...who, status: "created", hireDate: a.hireDate, access: is });
  } else if (b && b.accounts.length > 0 && (!a || a.accounts.length === 0)) {
    diff.leavers.push({
      ...who,
      terminationDate: b.terminationDate ?? a?.terminationDate,
      disabled: [],
      deleted: Object.keys(was),
      lost: {},
    });
  } else if (a && b && a.accounts.length > 0) {
    const enabledBefore = enabledApps(b.accounts);
    const enabledNow = enabledApps(a.accounts);
    if (a.lifecycle === "terminated" && (b.lifecycle !== "terminated" || Object.keys(lost).length > 0)) {
      diff.leavers.push({
        ...who,
        terminationDate: a.terminationDate,
        disabled: enabledBefore.filter((k) => !enabledNow.includes(k) && is[k]),
        deleted: Object.keys(was).filter((k) => !is[k]),
        lost,
      });
    } else if (b.lifecycle === "pre-hire" && a.lifecycle === "active") {
      diff.joiners.push({ ...who, status: "activated", hireDate: a.hireDate, access: is });
    } else {
      const changes = attributeChanges(b, a);
      const suspended = enabledBefore.filter((k) => is[k] && !enabledNow.includes(k));
      const resumed = enabledNow.filter((k) => was[k] && !enabledBefore.includes(k));
      const changed =
        Object.keys(changes).length +
        Object.keys(gained).length +
        Object.keys(lost).length +
        suspended.length +
        resumed.length;
      if (changed > 0) diff.movers.push({ ...who, changes, gained, lost, suspended, resumed });
    }
  }
}

function whoOf(p: PersonPlan): Who {
  const who: Who = { employeeId: p.employeeId, displayName: p.displayName, lifecycle: p.lifecycle };
  if (p.department !== undefined) who.department = p.department;
  if (p.title !== undefined) who.title = p.title;
  return who;
}

/** Every entitlement of every account as one flat, sorted list per app. */
function access(accounts: readonly AccountEntry[]): AppEntitlements {
  const result: AppEntitlements = {};
  for (const { app, spec } of accounts) {
    const list = ["account", ...spec.groups.map((g) => `group:${g}`)];
    if (spec.admin) list.push("admin");
    if (spec.license) list.push(`license:${spec.license}`);
    result[appKey(app, spec.instance)] = list.sort();
  }
  return result;
}

function delta(was: AppEntitlements, is: AppEntitlements): { gained: AppEntitlements; lost: AppEntitlements } {
  const minus = (x: AppEntitlements, y: AppEntitlements) => {
    const out: AppEntitlements = {};
    for (const key of Object.keys(x).sort()) {
      const other = new Set(y[key] ?? []);
      const only = x[key]!.filter((e) => !other.has(e));
      if (only.length > 0) out[key] = only;
    }
    return out;
  };
  return { gained: minus(is, was), lost: minus(was, is) };
}

const enabledApps = (accounts: readonly AccountEntry[]) =>
  accounts
    .filter((a) => a.spec.enabled)
    .map((a) => appKey(a.app, a.spec.instance))
    .sort();

function attributeChanges(b: PersonPlan, a: PersonPlan): Mover["changes"] {
  const changes: Mover["changes"] = {};
  for (const field of attributes) if (b[field] !== a[field]) changes[field] = { from: b[field], to: a[field] };
  const [nameBefore, nameNow] = [b.accounts[0]?.spec.email, a.accounts[0]?.spec.email];
  if (nameBefore !== nameNow) changes.email = { from: nameBefore, to: nameNow };
  return changes;
}
