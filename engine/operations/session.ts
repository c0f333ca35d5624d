import type { Project } from "../project";
import { collectEnvironment, openBackend, type PendingStep, type SecretsProvidersV1 } from "../state";
import type { JournalLike } from "../deploy/persistence";
import type { ResourceV3 } from "../deploy/resource-state";

/** The old deployment plus pending operations a crashed run left behind. */
export interface LoadedStack {
  resources: ResourceV3[];
  pendingOperations: Array<{ type: PendingStep["type"]; resource: ResourceV3 }>;
  salt?: string;
}

export interface FinishInfo {
  result: "succeeded" | "failed";
  resourceChanges: Record<string, number>;
  config: Record<string, string | { secure: string }>;
  startTime: number;
  /** Entries added to the history entry's `environment` (e.g. the steps that failed), next to git's and CI's. */
  environment?: Record<string, string>;
}

export interface UpdateJournal extends JournalLike {
  finish(info: FinishInfo): Promise<unknown>;
}

/** The locked stack in the diy backend for the length of one operation. */
export interface StackSession {
  loaded: LoadedStack;
  startUpdate(kind: "update" | "refresh" | "destroy", secretsProviders: unknown): Promise<UpdateJournal>;
  release(): Promise<void>;
}

/** Locks the stack, loads (and, after a crash, recovers) its deployment, and hands out journals for updates. */
export async function openSession(
  project: Project,
  stack: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StackSession> {
  const backend = openBackend({ project, env });
  const unlock = await backend.lock(stack);
  try {
    const { deployment, recoveredPendingOperations } = await backend.loadDeployment(stack);
    const salt = (deployment?.secrets_providers?.state as { salt?: string } | undefined)?.salt;
    return {
      loaded: {
        resources: (deployment?.resources ?? []) as ResourceV3[],
        pendingOperations: recoveredPendingOperations as LoadedStack["pendingOperations"],
        salt,
      },
      async startUpdate(kind, secretsProviders) {
        const journal = backend.startUpdate(stack, {
          kind,
          base: deployment,
          secretsProviders: secretsProviders as SecretsProvidersV1,
        });
        return {
          begin: (pending) => journal.begin(pending as PendingStep),
          end: (op) => journal.end(op as number),
          upsert: (r) => journal.upsert(r as never),
          same: (urn) => journal.same(urn),
          remove: (urn, options) => journal.remove(urn, options),
          finish: async (info) =>
            journal.finish({
              result: info.result,
              resourceChanges: info.resourceChanges,
              config: info.config,
              startTime: info.startTime,
              environment: { ...(await collectEnvironment(project.dir, env)), ...info.environment },
            }),
        };
      },
      release: unlock,
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}
