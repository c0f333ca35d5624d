import { NeedsPulumiCliError, PolicyViolationError, StepFailedError } from "../errors";
import type { Registration, RegistrationResult } from "../monitor";
import {
  annotateSecrets,
  deepEqual,
  diffKeys,
  hasUnknown,
  matchesReplaceOnChanges,
  processIgnoreChanges,
  stripMap,
  type PropertyMap,
} from "../properties";
import { count, type DeployContext } from "./context";
import { registerDefaultProvider } from "./default-provider";
import { replaceStep } from "./replace";
import {
  dependencyUrns,
  DYNAMIC_TYPE,
  makeUrn,
  providerUrn,
  refOf,
  urnName,
  type ResourceState,
} from "./resource-state";
import { emitOutputs, emitPre } from "./step-events";
import { createStep, sameStep, updateStep } from "./steps";

/** Old and new inputs without secret wrappers, for the comparisons that only happen when something changed. */
const stripped = (olds: PropertyMap, news: PropertyMap) => [stripMap(olds), stripMap(news)] as const;

/** Turns each RegisterResource into a step (Go step_generator.go, scoped to dynamic resources + components). */
export class StepGenerator {
  /** Resources registered in this run, by URN. */
  readonly news = new Map<string, ResourceState>();
  /** Old URNs this run has accounted for (registered, aliased or replaced). */
  readonly processed = new Set<string>();
  /** CBD: old resources to delete after the program succeeds. */
  readonly replacedOlds: ResourceState[] = [];
  stackOutputs: PropertyMap = {};
  stackUrn = "";
  private providerRef?: Promise<string>;

  constructor(private readonly ctx: DeployContext) {}

  async register(reg: Registration): Promise<RegistrationResult> {
    const urn = makeUrn(this.ctx.stack, this.ctx.project, reg.parent, reg.type, reg.name);
    if (this.news.has(urn))
      throw new StepFailedError(urn, "register", "a resource with this URN was already registered");
    const old = this.findOld(urn, reg.aliases);
    if (old) this.processed.add(old.urn);
    const desired: ResourceState = {
      urn,
      type: reg.type,
      custom: reg.custom,
      inputs: reg.inputs,
      outputs: {},
      parent: reg.parent || undefined,
      protect: reg.protect,
      retainOnDelete: reg.retainOnDelete,
      deletedWith: reg.deletedWith || undefined,
      dependencies: reg.dependencies,
      propertyDependencies: reg.propertyDependencies,
      additionalSecretOutputs: reg.additionalSecretOutputs,
      aliases: reg.aliases,
      ignoreChanges: reg.ignoreChanges,
      replaceOnChanges: reg.replaceOnChanges,
      customTimeouts: reg.customTimeouts,
    };
    if (!reg.custom) return this.registerComponent(desired, old, reg);
    this.rejectUnsupported(urn, reg);
    desired.provider = await (this.providerRef ??= registerDefaultProvider(this.ctx, this.news));
    if (this.ctx.targets && !this.ctx.targets.has(urn)) return this.untargeted(desired, old);
    const failedDependency =
      this.ctx.continueOnError && dependencyUrns(desired).find((d) => this.ctx.failed.urns.has(d));
    if (failedDependency) return this.skipped(desired, old, failedDependency);
    let state: ResourceState;
    try {
      state = await this.ctx.limit(() => this.registerCustom(desired, old, reg));
    } catch (err) {
      if (!this.continuesPast(err)) throw err;
      this.ctx.failed.urns.add(urn);
      this.ctx.failed.errors.push(err as Error);
      // Go `Fail()`: the program gets `result: FAIL` and goes on; the old state, if any, stays as it was.
      return { urn, id: old?.id ?? "", outputs: old?.outputs ?? {}, ok: false };
    }
    this.news.set(urn, state);
    return { urn, id: state.id ?? "", outputs: state.outputs };
  }

  /**
   * With `--continue-on-error` only a provider call that failed (create, update, delete, replace) lets the run go on,
   * as in Go: a check failure or a policy violation still stops it.
   */
  private continuesPast(err: unknown): boolean {
    const op = err instanceof StepFailedError ? String(err.context.op) : undefined;
    return !!this.ctx.continueOnError && op !== undefined && op !== "check" && op !== "register";
  }

  /**
   * `--continue-on-error`: a resource depending on a failed or skipped one is skipped (Go `Skip()`): not created, or
   * kept as it was; the program gets `result: SKIP`. Its own dependents are skipped in turn.
   */
  private skipped(desired: ResourceState, old: ResourceState | undefined, failed: string): RegistrationResult {
    this.ctx.failed.urns.add(desired.urn);
    const message = `skipped: it depends on ${urnName(failed)}, which failed or was skipped\n`;
    this.ctx.emit({ diagnosticEvent: { urn: desired.urn, message, color: "raw", severity: "warning" } });
    if (old) {
      this.ctx.persistence.same(old.urn);
      this.news.set(desired.urn, old);
    }
    return { urn: desired.urn, id: old?.id ?? "", outputs: old?.outputs ?? desired.inputs, skipped: true };
  }

  async registerOutputs(urn: string, outputs: PropertyMap): Promise<void> {
    const state = this.news.get(urn);
    if (!state) throw new StepFailedError(urn, "register outputs", "the resource was not registered");
    if (this.ctx.targets && !this.ctx.targets.has(urn) && this.ctx.olds.has(urn)) return;
    state.outputs = outputs;
    if (urn === this.stackUrn) this.stackOutputs = outputs;
    if (!this.ctx.dryRun) this.ctx.persistence.upsert(state);
  }

  private findOld(urn: string, aliases: string[]): ResourceState | undefined {
    for (const candidate of [urn, ...aliases]) {
      const old = this.ctx.olds.get(candidate);
      if (old && !this.processed.has(candidate)) return old;
    }
    return undefined;
  }

  private rejectUnsupported(urn: string, reg: Registration): void {
    if (reg.remote) throw new NeedsPulumiCliError(`The remote component ${reg.type}`, { urn });
    if (reg.importId) throw new NeedsPulumiCliError(`Importing ${urn}`, { urn });
    if (!DYNAMIC_TYPE.test(reg.type))
      throw new NeedsPulumiCliError(
        `The resource type ${reg.type} (not a dynamic resource)`,
        { urn },
        reg.type.split(":")[0],
      );
    if (reg.provider && !providerUrn(reg.provider).endsWith("::pulumi:providers:pulumi-nodejs::default")) {
      throw new NeedsPulumiCliError(`The explicit provider ${providerUrn(reg.provider)}`, { urn });
    }
  }

  private registerComponent(
    desired: ResourceState,
    old: ResourceState | undefined,
    reg: Registration,
  ): RegistrationResult {
    if (reg.type === "pulumi:pulumi:Stack" && !reg.parent) this.stackUrn = desired.urn;
    let state: ResourceState;
    if (old) {
      state = sameStep(this.ctx, old, { ...desired, inputs: {} });
    } else {
      const now = this.ctx.now();
      state = { ...desired, inputs: {}, created: now, modified: now };
      const step = { op: "create" as const, urn: desired.urn, type: desired.type, new: state };
      emitPre(this.ctx, step);
      if (!this.ctx.dryRun && (!this.ctx.targets || this.ctx.targets.has(desired.urn)))
        this.ctx.persistence.upsert(state);
      count(this.ctx, "create");
      emitOutputs(this.ctx, step);
    }
    this.news.set(desired.urn, state);
    return { urn: desired.urn, id: "", outputs: {} };
  }

  /** `--target`: an untargeted resource keeps its old state; a new one is not created. */
  private untargeted(desired: ResourceState, old: ResourceState | undefined): RegistrationResult {
    if (!old) return { urn: desired.urn, id: "", outputs: desired.inputs, ok: false };
    this.ctx.persistence.same(old.urn);
    this.news.set(desired.urn, old);
    count(this.ctx, "same");
    return { urn: desired.urn, id: old.id ?? "", outputs: old.outputs };
  }

  private async registerCustom(
    desired: ResourceState,
    old: ResourceState | undefined,
    reg: Registration,
  ): Promise<ResourceState> {
    const ctx = this.ctx;
    if (!ctx.dryRun && hasUnknown(desired.inputs)) {
      throw new StepFailedError(desired.urn, "check", "inputs contain values that are unknown outside of a preview");
    }
    const inputs = old ? processIgnoreChanges(desired.inputs, old.inputs, reg.ignoreChanges) : desired.inputs;
    const checked = await this.check(desired, old ? old.inputs : {}, inputs);
    const next = { ...desired, inputs: checked };
    await this.analyze(next);
    if (!old) return createStep(ctx, next);

    const host = await ctx.host();
    const ref = refOf(desired);
    const providerChanged = !!old.provider && providerUrn(old.provider) !== providerUrn(desired.provider!);
    // The host encodes each map once (stripped) and keeps the bytes with it: old inputs were encoded for Check.
    const diff = await host.diff(ref, old.id ?? "", old.outputs, old.inputs, checked, reg.ignoreChanges);
    const legacy = diff.changes === 0;
    const changed = legacy ? !deepEqual(old.inputs, checked) : diff.changes === 2;
    const replaceOnChanges =
      reg.replaceOnChanges.length > 0
        ? matchesReplaceOnChanges(...stripped(old.inputs, checked), reg.replaceOnChanges)
        : [];
    const keys = [...new Set([...diff.replaces, ...replaceOnChanges])];
    if (!providerChanged && keys.length === 0 && !changed) return sameStep(ctx, old, next);
    const diffs = diff.diffs.length > 0 ? diff.diffs : diffKeys(...stripped(old.inputs, checked));
    if (providerChanged || keys.length > 0) {
      const deleteBeforeReplace = reg.deleteBeforeReplace ?? diff.deleteBeforeReplace;
      const reChecked = { ...next, inputs: await this.check(desired, {}, inputs) };
      return replaceStep(ctx, this, old, reChecked, { diffs, keys, deleteBeforeReplace });
    }
    return updateStep(ctx, old, next, diffs);
  }

  /** Provider Check with stripped values, then secretness re-applied from the program's inputs. */
  async check(desired: ResourceState, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
    const host = await this.ctx.host();
    const ref = refOf(desired);
    const res = await host.check(ref, olds, news);
    if (res.failures.length > 0)
      throw new StepFailedError(desired.urn, "check", res.failures.join("; "), "fix the resource's inputs");
    return annotateSecrets(res.inputs, news);
  }

  private async analyze(resource: ResourceState): Promise<void> {
    if (!this.ctx.policy) return;
    const violations = await this.ctx.policy.analyze(resource, this.ctx.dryRun);
    if (violations.length > 0) throw new PolicyViolationError(resource.urn, violations);
  }
}
