import type { Issue } from "../../errors";
import type { AppName, Grant, GroupSpec } from "../account-spec";
import { AccessCode, accessIssue } from "../errors";
import type { Catalog } from "./role-catalog";

/** What a set of roles grants in one app or SCIM instance: everything of an account spec that roles decide. */
export interface AppAccess {
  app: AppName;
  instance?: string;
  groups: string[];
  admin: boolean;
  license?: string;
  grants: Grant[];
  /** Every role that contributed, for approvals and expiry. */
  roleIds: string[];
}

export const appKey = (app: string, instance?: string) => (instance ? `${app}:${instance}` : app);

/** A managed group with the app it lives in. */
export interface GroupEntry {
  app: AppName;
  spec: GroupSpec;
}

/**
 * Computes per-app access for role sets, memoised by the sorted set: a 100,000-person org has a few hundred
 * distinct role sets, so this runs a few hundred times, not per person.
 */
export class EntitlementTable {
  private readonly cache = new Map<string, AppAccess[]>();
  private readonly stripped = new Map<string, AppAccess[]>();
  readonly groups: GroupEntry[];
  private readonly privilegedGroups: Set<string>;

  constructor(
    private readonly catalog: Catalog,
    private readonly apps: ReadonlySet<AppName>,
    private readonly issues: Issue[],
  ) {
    this.groups = managedGroups(catalog, apps);
    this.privilegedGroups = new Set(
      this.groups.filter((g) => g.spec.privileged).map((g) => `${appKey(g.app, g.spec.instance)}/${g.spec.name}`),
    );
  }

  /** Access for these effective roles (sorted ids); `terminated` drops admin and privileged groups (DESIGN §4.3). */
  accessFor(roleIds: readonly string[], terminated: boolean): AppAccess[] {
    const key = roleIds.join(",");
    const memo = terminated ? this.stripped : this.cache;
    let access = memo.get(key);
    if (!access) {
      access = terminated ? this.accessFor(roleIds, false).map((a) => this.strip(a)) : this.compute(roleIds);
      memo.set(key, access);
    }
    return access;
  }

  private compute(roleIds: readonly string[]): AppAccess[] {
    const byApp = new Map<
      string,
      { app: AppName; instance?: string; grants: Map<string, string[]>; licenses: Map<string, string[]> }
    >();
    for (const id of roleIds) {
      for (const e of this.catalog.roles.get(id)!.entitlements) {
        if (!this.apps.has(e.app)) continue;
        const key = appKey(e.app, e.instance);
        const entry =
          byApp.get(key) ??
          byApp.set(key, { app: e.app, instance: e.instance, grants: new Map(), licenses: new Map() }).get(key)!;
        const add = (entitlement: string) =>
          (entry.grants.get(entitlement) ?? entry.grants.set(entitlement, []).get(entitlement)!).push(id);
        if (e.account) add("account");
        for (const g of e.groups) add(`group:${g.name}`);
        if (e.admin) add("admin");
        if (e.license) (entry.licenses.get(e.license) ?? entry.licenses.set(e.license, []).get(e.license)!).push(id);
      }
    }
    return [...byApp.keys()].sort().map((key) => {
      const { app, instance, grants, licenses } = byApp.get(key)!;
      const license = this.pickLicense(key, licenses);
      if (license) grants.set(`license:${license}`, licenses.get(license)!);
      const entitlements = [...grants.keys()].sort();
      const access: AppAccess = {
        app,
        groups: entitlements.filter((e) => e.startsWith("group:")).map((e) => e.slice(6)),
        admin: grants.has("admin"),
        grants: entitlements.map((entitlement) => {
          const grant: Grant = { entitlement, roleIds: [...new Set(grants.get(entitlement))].sort() };
          // Policies require an approval for every privileged grant (policies/rules/privileged-access.ts).
          if (this.isPrivileged(key, entitlement)) grant.privileged = true;
          return grant;
        }),
        roleIds: [...new Set([...grants.values()].flat())].sort(),
      };
      if (instance) access.instance = instance;
      if (license) access.license = license;
      return access;
    });
  }

  /** A role that inherits another overrides its license (more specific wins); unrelated roles disagreeing is a warning. */
  private pickLicense(key: string, licenses: Map<string, string[]>): string | undefined {
    const skus = [...licenses.keys()].sort();
    if (skus.length <= 1) return skus[0];
    // Overridden: every role granting this license is inherited by a role granting another one.
    const overridden = (sku: string) =>
      licenses
        .get(sku)!
        .every((s) =>
          [...licenses].some(
            ([other, roles]) => other !== sku && roles.some((r) => r !== s && this.catalog.closure.get(r)!.includes(s)),
          ),
        );
    const winners = skus.filter((sku) => !overridden(sku));
    if (winners.length !== 1) {
      const roles = [...licenses.values()].flat().sort();
      this.issues.push(
        accessIssue(
          "warning",
          AccessCode.licenseConflict,
          `roles ${roles.join(", ")} grant different ${key} licenses (${skus.join(", ")}); ${winners[0] ?? skus[0]} is used`,
          "make one role inherit the other so its license overrides, or grant one license",
          this.catalog.roles.get(roles[0]!)!.source,
        ),
      );
    }
    return winners[0] ?? skus[0];
  }

  private isPrivileged(key: string, entitlement: string): boolean {
    return (
      entitlement === "admin" ||
      (entitlement.startsWith("group:") && this.privilegedGroups.has(`${key}/${entitlement.slice(6)}`))
    );
  }

  private strip(access: AppAccess): AppAccess {
    const key = appKey(access.app, access.instance);
    const keep = (entitlement: string) => !this.isPrivileged(key, entitlement);
    return {
      ...access,
      admin: false,
      groups: access.groups.filter((g) => keep(`group:${g}`)),
      grants: access.grants.filter((g) => keep(g.entitlement)),
    };
  }
}

/** Every group any role names in an enabled app: the stack manages it even while it has no members. */
function managedGroups(catalog: Catalog, apps: ReadonlySet<AppName>): GroupEntry[] {
  const groups = new Map<string, GroupEntry>();
  for (const id of [...catalog.roles.keys()].sort()) {
    const role = catalog.roles.get(id)!;
    for (const e of role.entitlements) {
      if (!apps.has(e.app)) continue;
      for (const g of e.groups) {
        const key = `${appKey(e.app, e.instance)}/${g.name}`;
        const entry =
          groups.get(key) ??
          groups
            .set(key, { app: e.app, spec: { name: g.name, displayName: g.name, privileged: false, roleIds: [] } })
            .get(key)!;
        if (e.instance) entry.spec.instance = e.instance;
        if (g.description && entry.spec.description === undefined) entry.spec.description = g.description;
        entry.spec.privileged ||= role.privileged;
        if (!entry.spec.roleIds.includes(id)) entry.spec.roleIds.push(id);
      }
    }
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)!);
}
