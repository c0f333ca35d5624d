import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { Project } from "../../project";
import { normalizeStackName } from "../../project";
import type { DeploymentV3, PendingOperation, UpdateInfo } from "../checkpoint/apitype";
import { StateCode, StateError } from "../errors";
import { collectEnvironment } from "../history/environment";
import { updateInfo } from "../history/history";
import { appendToChain } from "../history/chain";
import { Journal, type FinishOptions, type StartUpdateOptions, type UpdateOperation } from "../journal/journal";
import { backendRoot, stackPaths, type StackPaths } from "./layout";
import { acquireLock, type Unlock } from "./lock";
import { ensureMeta } from "./meta";
import { recoverJournal } from "../journal/recover";
import { readCheckpointFile, readHistory, writeBackup, writeCheckpointFile, writeHistoryEntry } from "./store";

export interface OpenBackendOptions {
  project: Pick<Project, "name" | "dir" | "backendUrl">;
  /** Overrides PULUMI_BACKEND_URL and Pulumi.yaml `backend.url`. */
  url?: string;
  env?: NodeJS.ProcessEnv;
  /** Non-fatal notices (a stale lock removed, a run recovered); default: stderr. */
  onWarning?: (message: string) => void;
}

export interface LoadedDeployment {
  deployment?: DeploymentV3;
  /** Operations that may or may not have happened: from a replayed journal and any already in the checkpoint. */
  recoveredPendingOperations: PendingOperation[];
}

/** The diy (`file://`) backend of one project, laid out exactly as the Pulumi CLI lays it out. */
export interface Backend {
  /** `<path>/.pulumi` */
  readonly root: string;
  lock(stack: string): Promise<Unlock>;
  /** Call under `lock`: replays a crashed run's journal into the checkpoint first. */
  loadDeployment(stack: string): Promise<LoadedDeployment>;
  startUpdate(stack: string, options: StartUpdateOptions): Journal;
  listHistory(stack: string): Promise<UpdateInfo[]>;
  /** `pulumi stack export` form: `{version: 3, deployment}`. */
  exportStack(stack: string): Promise<{ version: 3; deployment: DeploymentV3 }>;
}

/** Opens the backend at options.url ?? PULUMI_BACKEND_URL ?? Pulumi.yaml `backend.url` ?? `<project dir>/.pulumi`. */
export function openBackend(options: OpenBackendOptions): Backend {
  const env = options.env ?? process.env;
  const root = backendRoot(options.url ?? env.PULUMI_BACKEND_URL ?? options.project.backendUrl, options.project.dir);
  const warn = options.onWarning ?? ((m: string) => process.stderr.write(`warning: ${m}\n`));
  const projectName = options.project.name;
  const pathsOf = (stack: string) => {
    const name = normalizeStackName(stack);
    return { name, paths: stackPaths(root, projectName, name) };
  };

  const persist = async (
    name: string,
    paths: StackPaths,
    deployment: DeploymentV3,
    finish: FinishOptions,
    kind: UpdateOperation,
  ) => {
    await ensureMeta(root);
    await writeCheckpointFile(paths, deployment);
    // The hash chain beside the history is what `idlc audit verify` checks for tampering.
    await appendToChain(paths.historyDir, await writeHistoryEntry(paths, name, updateInfo(kind, finish)));
    await writeBackup(paths, name, env);
    await rm(paths.journal, { force: true });
  };

  return {
    root,
    async lock(stack) {
      const { paths } = pathsOf(stack);
      await ensureMeta(root);
      return acquireLock(paths.locksDir, paths.fullName, warn);
    },

    async loadDeployment(stack) {
      const { name, paths } = pathsOf(stack);
      const checkpoint = await readCheckpointFile(paths);
      const recovered = await recoverJournal(paths.journal, checkpoint);
      if (!recovered) {
        const deployment = checkpoint?.deployment;
        return {
          ...(deployment ? { deployment } : {}),
          recoveredPendingOperations: deployment?.pending_operations ?? [],
        };
      }
      const { deployment, start } = recovered;
      const pending = deployment.pending_operations ?? [];
      warn(
        `recovered an interrupted ${start.operation} of ${paths.fullName} from its journal; ${pending.length} operation(s) may or may not have completed`,
      );
      const finish: FinishOptions = {
        result: "failed",
        resourceChanges: {},
        environment: await collectEnvironment(options.project.dir, env),
        config: {},
        startTime: start.startTime,
        message: "interrupted; idlc recovered this run from its journal",
      };
      await persist(name, paths, deployment, finish, start.operation);
      return { deployment, recoveredPendingOperations: pending };
    },

    startUpdate(stack, startOptions) {
      const { name, paths } = pathsOf(stack);
      if (existsSync(paths.journal)) {
        throw new StateError(
          StateCode.journalInvalid,
          `${paths.journal} exists: an earlier run of ${paths.fullName} did not finish`,
          "call loadDeployment first; it recovers the earlier run",
          { file: paths.journal },
        );
      }
      return new Journal(paths.journal, startOptions, (deployment, finish, kind) =>
        persist(name, paths, deployment, finish, kind),
      );
    },

    async listHistory(stack) {
      return readHistory(pathsOf(stack).paths);
    },

    async exportStack(stack) {
      const deployment = (await readCheckpointFile(pathsOf(stack).paths))?.deployment;
      // What `pulumi stack export` prints for a stack that was never updated.
      return {
        version: 3,
        deployment: deployment ?? { manifest: { time: "0001-01-01T00:00:00Z", magic: "", version: "" } },
      };
    },
  };
}
