import { availableParallelism } from "node:os";
import type { EngineEventPayload } from "../events";
import type { DeployContext, PolicyHook } from "../deploy/context";
import { createLimit } from "../deploy/limit";
import { previewPersistence, type Persistence } from "../deploy/persistence";
import { programEnv, startDynamicProviderHost, type DynamicProviderHost } from "../host";
import type { PreparedStack } from "./prepare";

export function defaultParallel(): number {
  return availableParallelism() * 4;
}

export interface ContextOptions {
  prepared: PreparedStack;
  dryRun: boolean;
  engineAddress: () => string;
  persistence?: Persistence;
  parallel?: number;
  targets?: string[];
  emit: (payload: EngineEventPayload) => void;
  policy?: PolicyHook;
  env?: NodeJS.ProcessEnv;
  continueOnError?: boolean;
}

/** Builds the shared run context; the provider host starts lazily, once, and is configured with the stack config. */
export function buildContext(options: ContextOptions): { ctx: DeployContext; closeHost: () => void } {
  const { prepared } = options;
  let host: Promise<DynamicProviderHost> | undefined;
  const olds = new Map<string, (typeof prepared.oldOrder)[number]>();
  for (const r of prepared.oldOrder) if (!r.delete) olds.set(r.urn, r);
  const ctx: DeployContext = {
    stack: prepared.stack,
    project: prepared.project.name,
    dryRun: options.dryRun,
    olds,
    oldOrder: prepared.oldOrder,
    oldPendingDeletes: prepared.oldOrder.filter((r) => r.delete),
    providerConfig: prepared.providerConfig,
    persistence: options.persistence ?? previewPersistence,
    emit: options.emit,
    limit: createLimit(options.parallel ?? defaultParallel()),
    host: () =>
      (host ??= (async () => {
        const env = {
          ...programEnv({ ...prepared, project: prepared.project.name, typescript: false }),
          ...options.env,
          ...runtimeOptionEnv(prepared.project.runtime.options),
        };
        const started = await startDynamicProviderHost({
          programDir: prepared.project.dir,
          engineAddress: options.engineAddress(),
          env,
          typescript: prepared.project.runtime.options.typescript !== false,
        });
        await started.configure(prepared.providerConfig);
        return started;
      })()),
    policy: options.policy,
    targets: options.targets && options.targets.length > 0 ? new Set(options.targets) : undefined,
    counts: {},
    now: () => new Date().toISOString(),
    continueOnError: options.continueOnError,
    failed: { urns: new Set(), errors: [] },
  };
  return {
    ctx,
    closeHost: () =>
      void host?.then(
        (h) => h.close(),
        () => undefined,
      ),
  };
}

/** `PULUMI_RUNTIME_<OPTION>` per runtime option, as Go passes them to plugins. */
function runtimeOptionEnv(options: Record<string, unknown>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(options)) env[`PULUMI_RUNTIME_${k.toUpperCase()}`] = String(v);
  return env;
}
