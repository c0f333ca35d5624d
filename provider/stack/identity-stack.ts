/**
 * `IdentityStack`: the component that turns an access plan into one resource per (person, app) and one per
 * managed group. An enabled account depends on the groups it joins (groups exist before members and outlive them on
 * delete) and, outside the directories, on its person's directory accounts (Entra, Google) it federates from.
 * A disabled account the stack already holds depends on nothing, and no account depends on its manager's (DESIGN.md
 * §4.11): an engine skips the dependents of a failed resource, so any such edge would let one person's failure hold
 * back another's cutoff. A cutoff that is a create (a stack's first run, an adoption) has no account to disable yet
 * and waits for its groups like any create: otherwise the app refuses a member of a group not yet made.
 */
import * as pulumi from "@pulumi/pulumi";
import { appKey, type AccessPlan, type AccountSpec, type AppName } from "../access";
import { appResources, type AppResources } from "./app-resources";
import { declareInBatches } from "./batches";
import { accountName, groupName, isCutoff } from "../stack-plan";

export interface IdentityStackArgs {
  plan: AccessPlan;
  /**
   * Resource names to declare, for a targeted update (`idlc up --target`, the kill switch): the engine keeps the
   * state of everything not declared, and skipping it makes a one-person cutoff take seconds. Default: all.
   */
  only?: ReadonlySet<string>;
  /**
   * Resource names of the accounts the stack's state holds (idlc passes them; `heldAccounts`). A cutoff among them
   * waits on nothing; a cutoff not among them is a create and waits for its groups. Unknown (under the Pulumi CLI):
   * every cutoff waits on nothing, and a create that loses the race to its group converges on the next run.
   */
  held?: ReadonlySet<string>;
  /** The resource classes per app; tests pass their own. Default: the real connectors. */
  resources?: Record<AppName, AppResources>;
  /**
   * Declare this many resources at a time, each batch once the engine has registered the one before last
   * (`batches.ts`; `declared` settles after the last). Default: all in the constructor, in one loop — fine for a
   * small org, not for thousands of people (the program: `identityProgram`).
   */
  batchSize?: number;
}

export class IdentityStack extends pulumi.ComponentResource {
  /** Account resources by resource name (`slack/E1001`). */
  readonly accounts: Record<string, pulumi.CustomResource> = {};
  /** Group resources by resource name (`slack/groups/engineering`). */
  readonly groups: Record<string, pulumi.CustomResource> = {};

  /** Settles once every resource is declared: at once, or after the last batch with `batchSize`. */
  readonly declared: Promise<void>;

  constructor(
    name: string,
    { plan, resources = appResources, only, batchSize, held }: IdentityStackArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("idlc:index:IdentityStack", name, {}, opts);
    const declarations = this.declarations(plan, resources, only, held);
    const summary = summarize(plan);
    if (!batchSize) {
      for (const _ of declarations);
      this.registerOutputs({ summary });
      this.declared = Promise.resolve();
    } else {
      this.declared = declareInBatches(declarations, batchSize).then(() => this.registerOutputs({ summary }));
    }
  }

  /**
   * The SDK registers a component's outputs, empty, once `initialize` settles: with batches that has to wait for
   * the last one, which registers the summary. Called from `super()`, before `declared` is set.
   */
  protected override async initialize(): Promise<void> {
    await Promise.resolve();
    // A failed declaration is the program's error (`identityProgram` awaits `declared`), not a second one here.
    await this.declared.catch(() => undefined);
  }

  /** Declares the stack's resources one at a time, groups first, yielding each. */
  private *declarations(
    plan: AccessPlan,
    resources: Record<AppName, AppResources>,
    only: ReadonlySet<string> | undefined,
    held: ReadonlySet<string> | undefined,
  ): Generator<pulumi.Resource> {
    const wanted = (key: string) => !only || only.has(key);
    for (const { app, spec } of plan.groups) {
      const key = groupName(app, spec.name, spec.instance);
      if (!wanted(key)) continue;
      this.groups[key] = resources[app].group(key, spec, { parent: this });
      yield this.groups[key];
    }
    const holders = accountHolders(plan);
    // Managers are declared before their reports only so that, run in parallel, a manager's new account usually
    // exists when a report's is made and the link is set at once; a provider resolves the manager by employee id at
    // apply time and leaves the link unset (filled by the next run) when there is none yet, so nothing waits on it.
    for (const person of managersFirst(plan.people)) {
      const ordered = [...person.accounts].sort(
        (a, b) => Number(resources[b.app].directory) - Number(resources[a.app].directory),
      );
      const directories: pulumi.Resource[] = [];
      for (const { app, spec: planned } of ordered) {
        const key = accountName(app, planned.employeeId, planned.instance);
        if (!wanted(key)) continue;
        // A manager is named only where they hold an account in the same app: otherwise the provider would look
        // for them on every run.
        const hasManager = Boolean(
          planned.managerEmployeeId && holders.get(appKey(app, planned.instance))?.has(planned.managerEmployeeId),
        );
        const spec = hasManager ? planned : { ...planned, managerEmployeeId: undefined };
        const waitsOnNothing = isCutoff(spec) && (held === undefined || held.has(key));
        const dependsOn = waitsOnNothing ? [] : this.prerequisites(app, spec, resources[app].directory, directories);
        const resource = resources[app].account(key, spec, { parent: this, dependsOn });
        this.accounts[key] = resource;
        if (resources[app].directory) directories.push(resource);
        yield resource;
      }
    }
  }

  /**
   * What an account that is not a held cutoff must wait for: the groups it joins and, for a non-directory app, the
   * person's directory accounts declared before it.
   */
  private prerequisites(
    app: AppName,
    spec: AccountSpec,
    directory: boolean,
    directories: readonly pulumi.Resource[],
  ): pulumi.Resource[] {
    const groups = spec.groups.flatMap((g) => this.groups[groupName(app, g, spec.instance)] ?? []);
    return [...groups, ...(directory ? [] : directories)];
  }
}

/** Employee ids holding an account, per app key (`slack`, `scim:github`). */
function accountHolders(plan: AccessPlan): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const { app, spec } of plan.people.flatMap((p) => p.accounts)) {
    const key = appKey(app, spec.instance);
    holders.set(key, (holders.get(key) ?? new Set()).add(spec.employeeId));
  }
  return holders;
}

/** People ordered so everyone comes after their manager chain (HR validation rules out cycles; a cycle still ends). */
function managersFirst<P extends { employeeId: string; managerEmployeeId?: string }>(people: readonly P[]): P[] {
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  const depth = (p: P, seen = new Set<string>()): number => {
    const manager = p.managerEmployeeId ? byId.get(p.managerEmployeeId) : undefined;
    if (!manager || seen.has(p.employeeId)) return 0;
    return 1 + depth(manager, seen.add(p.employeeId));
  };
  const depths = new Map(people.map((p) => [p.employeeId, depth(p)]));
  return [...people].sort(
    (a, b) => depths.get(a.employeeId)! - depths.get(b.employeeId)! || a.employeeId.localeCompare(b.employeeId),
  );
}

/** Accounts per app by state: the stack output a person reads after `up`. */
export function summarize(plan: AccessPlan): Record<string, { enabled: number; disabled: number }> {
  const summary: Record<string, { enabled: number; disabled: number }> = {};
  for (const { app, spec } of plan.people.flatMap((p) => p.accounts)) {
    const key = appKey(app, spec.instance);
    summary[key] ??= { enabled: 0, disabled: 0 };
    summary[key][spec.enabled ? "enabled" : "disabled"] += 1;
  }
  return summary;
}
