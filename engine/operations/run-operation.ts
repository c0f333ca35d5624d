import { createEventEmitter, type EngineEventPayload } from "../events";
import { journalPersistence } from "../deploy/persistence";
import { startPolicyPacks } from "../policy";
import { PASSPHRASE_VARIABLES } from "../secrets";
import { buildContext, defaultParallel } from "./build-context";
import { deploy, type DeployOutcome } from "./deploy";
import { destroyResources } from "./destroy";
import { prepareStack, type PreparedStack } from "./prepare";
import { refreshResources } from "./refresh";
import { resolvePendingOperations } from "./recover";
import { withMonitor } from "./run-program";
import { gatedUpdate } from "./gated-update";
import type { OperationResult, RunOperationOptions } from "./types";
import { finishing, update } from "./update";

/**
 * Runs `preview`, `up`, `refresh` or `destroy` on the stack of the project found upward from `cwd`, emitting engine
 * events. The old state is never dropped: a failed run keeps every resource it did not delete.
 */
export async function runOperation(options: RunOperationOptions): Promise<OperationResult> {
  const started = Date.now();
  const emit = createEventEmitter(options.onEvent ?? (() => undefined));
  const env = { ...process.env, ...options.env };
  // A sealed preview decrypts nothing; its program, provider host and policy packs get no passphrase (DESIGN §4.12).
  const sealed = options.kind === "preview" && options.sealed === true;
  let prepared = await prepareStack(options.cwd, options.stack, env, { sealed });
  const parallel = options.parallel ?? defaultParallel();
  // Plugins start once per operation: they get the caller's additions for the operation's own targets.
  const childEnv = { ...options.env, ...options.childEnv?.(options.target) };
  const opts = { ...options, parallel, emit, env: sealed ? sealedEnv(childEnv) : childEnv };
  let outcome: DeployOutcome | undefined;
  let cancelled = false;
  const policy = options.policyPacks?.length
    ? await startPolicyPacks({
        packDirs: options.policyPacks,
        configFiles: options.policyPackConfigs,
        prepared,
        emit,
        dryRun: options.kind === "preview",
        env: opts.env,
      })
    : undefined;
  let release = () => prepared.session.release();
  try {
    emit({ preludeEvent: { config: maskedConfig(prepared) } });
    if (options.kind === "preview") {
      outcome = await deploy(prepared, opts, undefined, policy?.hook(true));
    } else if (options.kind === "up" && oneRun(options, parallel)) {
      const gated = await gatedUpdate(prepared, started, opts, policy?.hook(false), options.planInRun!, (plan) =>
        options.beforeApply!(plan),
      );
      if (gated === "refused") cancelled = true;
      else outcome = gated;
    } else if (options.kind === "up") {
      let first: string[] = [];
      let after: AfterHook | undefined;
      if (options.beforeApply) {
        // The plan the gate judges is not shown, but when it fails its diagnostics are the reason the update stops.
        const diagnostics: EngineEventPayload[] = [];
        const keep = (e: EngineEventPayload) => void ((e.diagnosticEvent || e.policyEvent) && diagnostics.push(e));
        const plan = await deploy(prepared, { ...opts, emit: keep }, undefined, policy?.hook(true));
        const summary = { resourceChanges: plan.counts, steps: plan.steps };
        if (!plan.ok) {
          diagnostics.forEach(emit);
          outcome = plan;
        } else if (!(await options.beforeApply(summary))) cancelled = true;
        else {
          first = options.applyFirst?.(summary) ?? [];
          after = options.applyAfter && ((failed) => options.applyAfter!(summary, failed));
        }
      }
      // Each further update of this `up` reads the stack again, as a new `up` would.
      const again = async (target?: string[]) => {
        await release();
        release = async () => undefined;
        prepared = await prepareStack(options.cwd, options.stack, env);
        release = () => prepared.session.release();
        return update(prepared, started, target ? { ...opts, target } : opts, policy?.hook(false));
      };
      if (!outcome && !cancelled && first.length > 0) {
        // A targeted update of its own, committed to history before the rest starts.
        const early = await update(prepared, started, { ...opts, target: first }, policy?.hook(false));
        outcome = combine(early, await again());
      } else if (!outcome && !cancelled) {
        outcome = await update(prepared, started, opts, policy?.hook(false));
      }
      const late = outcome && after ? after(new Set(outcome.failedSteps?.map((f) => f.urn))) : [];
      if (outcome && late.length > 0) outcome = followUp(outcome, await again(late));
    } else {
      outcome = await withoutProgram(prepared, options.kind, opts);
    }
  } finally {
    policy?.close();
    await release();
  }
  const durationSeconds = (Date.now() - started) / 1000;
  const resourceChanges = outcome?.counts ?? {};
  if (cancelled) emit({ cancelEvent: {} });
  emit({
    summaryEvent: {
      maybeCorrupt: false,
      durationSeconds,
      resourceChanges,
      policyPacks: policy?.versions() ?? {},
      isPreview: options.kind === "preview" || undefined,
    },
  });
  const result = cancelled ? "cancelled" : outcome?.ok ? "succeeded" : "failed";
  return {
    result,
    summary: { resourceChanges, durationSeconds },
    outputs: outcome?.outputs ?? {},
    error: outcome?.error,
  };
}

/**
 * Two updates of one `up` as one outcome: changes added up (`same` from the second, which saw every resource),
 * failed if either failed, the first error kept.
 */
function combine(a: DeployOutcome, b: DeployOutcome): DeployOutcome {
  const counts: Record<string, number> = { ...a.counts };
  delete counts.same;
  for (const [op, n] of Object.entries(b.counts)) counts[op] = (counts[op] ?? 0) + n;
  const failedSteps = [...(a.failedSteps ?? []), ...(b.failedSteps ?? [])];
  const steps = [...a.steps, ...b.steps];
  return { ok: a.ok && b.ok, error: a.error ?? b.error, failedSteps, outputs: b.outputs, counts, steps };
}

/** A targeted update after the whole one (`applyAfter`): its changes added to the update's, which saw everything. */
function followUp(whole: DeployOutcome, late: DeployOutcome): DeployOutcome {
  const counts = { ...whole.counts };
  for (const [op, n] of Object.entries(late.counts)) if (op !== "same") counts[op] = (counts[op] ?? 0) + n;
  const failedSteps = [...(whole.failedSteps ?? []), ...(late.failedSteps ?? [])];
  return {
    ...whole,
    ok: whole.ok && late.ok,
    error: whole.error ?? late.error,
    failedSteps,
    counts,
    steps: [...whole.steps, ...late.steps],
  };
}

/**
 * A targeted `up` judged in its own run (`planInRun`): one program and one provider host instead of a preview's and
 * an update's. Each held target holds one of the run's `parallel` slots, so more targets than slots take the usual
 * two runs.
 */
function oneRun(options: RunOperationOptions, parallel: number): boolean {
  const expected = options.planInRun;
  return !!expected?.length && !!options.beforeApply && !!options.target?.length && expected.length <= parallel;
}

type AfterHook = (failed: ReadonlySet<string>) => string[];

/** Refresh and destroy: no program, but the provider host still needs an engine address to log to. */
async function withoutProgram(
  prepared: PreparedStack,
  kind: "refresh" | "destroy",
  opts: RunOperationOptions & { parallel: number; emit: (e: EngineEventPayload) => void },
): Promise<DeployOutcome> {
  const started = Date.now();
  const journal = await prepared.session.startUpdate(kind, prepared.secrets.secretsProviders);
  return finishing(
    journal,
    prepared,
    started,
    () =>
      withMonitor(
        (engineAddress) =>
          buildContext({
            prepared,
            dryRun: false,
            engineAddress,
            persistence: journalPersistence(journal, prepared.secrets),
            parallel: opts.parallel,
            targets: opts.target,
            emit: opts.emit,
            env: opts.env,
          }),
        async (ctx) => {
          let error: Error | undefined;
          try {
            await resolvePendingOperations(ctx, prepared);
            await (kind === "refresh" ? refreshResources(ctx) : destroyResources(ctx));
          } catch (err) {
            error = err as Error;
          }
          const stack = prepared.oldOrder.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
          const outputs = kind === "destroy" && !error ? {} : (stack?.outputs ?? {});
          return { ok: !error, error, outputs, counts: ctx.counts as Record<string, number>, steps: [] };
        },
        opts.debug,
      ),
    opts.historyEnvironment,
  );
}

function maskedConfig(prepared: PreparedStack): Record<string, string> {
  const secret = new Set(prepared.secretKeys);
  return Object.fromEntries(Object.entries(prepared.config).map(([k, v]) => [k, secret.has(k) ? "[secret]" : v]));
}

/**
 * The environment of a sealed run's children: no passphrase variable (undefined drops it from a spawned process's
 * environment).
 */
function sealedEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return { ...extra, ...Object.fromEntries(PASSPHRASE_VARIABLES.map((v) => [v, undefined])) };
}
