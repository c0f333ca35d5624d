import type { DeploymentV3, PendingOperation, ResourceV3, SecretsProvidersV1 } from "../checkpoint/apitype";
import { canonicalDeployment } from "../checkpoint/checkpoint";
import { DeploymentModel } from "../checkpoint/deployment-model";
import { StateCode, StateError } from "../errors";
import { BlobWriter } from "./journal-blobs";
import { AppendLog } from "./journal-file";
import { JOURNAL_VERSION, type JournalRecord } from "./journal-records";
import { newManifest } from "../backend/manifest";

export type UpdateOperation = "update" | "refresh" | "destroy";

export interface StartUpdateOptions {
  kind: UpdateOperation;
  /** The deployment this run starts from, as `loadDeployment` returned it. */
  base?: DeploymentV3;
  secretsProviders: SecretsProvidersV1;
}

/** A mutating step, recorded durably before the provider is called. */
export interface PendingStep {
  type: PendingOperation["type"];
  resource: ResourceV3;
}

export interface FinishOptions {
  result: "succeeded" | "failed";
  /** Count per logical step op (`create`, `same`, …). */
  resourceChanges: Record<string, number>;
  /** From `collectEnvironment(cwd)`. */
  environment: Record<string, string>;
  /** config.Map JSON encoding: plain strings, secrets as `{secure}` (see `historyConfig`). */
  config: Record<string, string | { secure: string }>;
  /** A Date, or unix seconds or milliseconds (told apart by magnitude). */
  startTime: Date | number;
  message?: string;
}

/** What the backend does once the final deployment is known: checkpoint, history, backup, journal removal. */
export type CommitDeployment = (
  deployment: DeploymentV3,
  finish: FinishOptions,
  kind: UpdateOperation,
) => Promise<void>;

/**
 * Records one run's state changes in the append-only journal and turns them into the final checkpoint.
 * Resources passed in are in checkpoint form: secrets already encrypted. Only `begin` waits for disk; the other
 * calls are buffered and written on the next event-loop turn.
 */
export class Journal {
  private readonly model: DeploymentModel;
  private readonly log: AppendLog;
  private readonly blobs: BlobWriter;
  private nextOp = 1;
  private finished = false;

  constructor(
    file: string,
    private readonly options: StartUpdateOptions,
    private readonly commit: CommitDeployment,
  ) {
    this.model = new DeploymentModel(options.base);
    this.log = new AppendLog(file);
    this.blobs = new BlobWriter((id, text) => this.write({ kind: "blob", id, text }));
    this.write({
      kind: "start",
      version: JOURNAL_VERSION,
      operation: options.kind,
      startTime: Date.now(),
      baseTime: options.base?.manifest.time ?? null,
      secretsProviders: options.secretsProviders,
    });
  }

  /** Records an operation about to call a provider; resolves once it is on disk (fsync shared by concurrent begins). */
  async begin(pending: PendingStep): Promise<number> {
    const op = this.nextOp++;
    this.model.begin(op, { type: pending.type, resource: pending.resource });
    this.write({ kind: "begin", op, type: pending.type, resource: this.blobs.shrink(pending.resource) });
    await this.log.durable();
    return op;
  }

  end(op: number): void {
    this.model.end(op);
    this.write({ kind: "end", op });
  }

  /** New state for a URN; with `delete: true` it is the old state of a replaced resource, kept until removed. */
  upsert(resource: ResourceV3): void {
    this.model.upsert(resource);
    this.write({ kind: "upsert", resource: this.blobs.shrink(resource) });
  }

  /** Keeps the base state of `urn` unchanged. */
  same(urn: string): void {
    this.model.same(urn);
    this.write({ kind: "same", urn });
  }

  /** Drops the live entry of `urn`, or its pending-delete entry with `{ delete: true }`. */
  remove(urn: string, options: { delete?: boolean } = {}): void {
    this.model.remove(urn, options.delete ?? false);
    this.write(options.delete ? { kind: "remove", urn, delete: true } : { kind: "remove", urn });
  }

  /** Records appended, write calls and fsyncs so far (group commit makes syncs far fewer than begins). */
  get stats(): Readonly<{ records: number; writes: number; syncs: number }> {
    return this.log.stats;
  }

  /** Makes everything recorded so far durable. */
  flush(): Promise<void> {
    return this.log.durable();
  }

  /** Writes the final checkpoint, history entry and backup, then removes the journal. */
  async finish(finish: FinishOptions): Promise<DeploymentV3> {
    this.guard();
    this.finished = true;
    const manifest = newManifest();
    const deployment = canonicalDeployment({
      manifest,
      secrets_providers: this.options.secretsProviders,
      resources: this.model.resources(),
      pending_operations: this.model.pendingOperations(),
    });
    this.log.append(JSON.stringify({ kind: "commit", time: manifest.time } satisfies JournalRecord));
    await this.log.close();
    await this.commit(deployment, finish, this.options.kind);
    return deployment;
  }

  private write(record: JournalRecord): void {
    this.guard();
    this.log.append(JSON.stringify(record));
  }

  private guard(): void {
    if (this.finished)
      throw new StateError(
        StateCode.journalClosed,
        "this update has already finished",
        "start a new update with backend.startUpdate",
      );
  }
}
