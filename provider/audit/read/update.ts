import { readFailedSteps } from "../../../engine/audit-interface";
import type { AuditResource } from "./resources";

/** A resource operation an update attempted and could not apply (kept by the offline engine's history). */
export interface FailedAttempt {
  /** Resource name: `google/E1002`, `slack/groups/engineering`. */
  resource: string;
  op: string;
  /** What the app answered. */
  message: string;
}

/** Who and what ran an update, from the history entry's `environment` (pkg/backend/updates.go keys). */
export interface UpdateEnvironment {
  gitHead?: string;
  gitAuthor?: string;
  gitAuthorEmail?: string;
  ciSystem?: string;
  /** The CI run: its URL, else its id. */
  ciRun?: string;
  execKind?: string;
  /** Steps this update failed to apply (`up --continue-on-error`); absent when none did or the source cannot tell. */
  failedSteps?: FailedAttempt[];
  raw: Record<string, string>;
}

/** One stack update, normalised from any source (diy history, `pulumi stack history --json`, exports). */
export interface AuditUpdate {
  /** 1-based, oldest first (the source's own numbers when it has distinct ones). */
  version: number;
  /** The shard whose history holds it, when a deployment's histories are read as one (`mergeStackHistories`). */
  stack?: string;
  kind: "update" | "preview" | "refresh" | "destroy" | "import" | "rename" | "resource-import";
  result: "succeeded" | "failed" | "in-progress";
  /** RFC 3339. */
  startTime: string;
  endTime?: string;
  message: string;
  environment: UpdateEnvironment;
  resourceChanges: Record<string, number>;
  /** The idlc resources of the checkpoint after this update; undefined when no checkpoint of it is known. */
  resources?: AuditResource[];
  source: { history?: string; checkpoint?: string };
}

/** When an update's state took effect: its end, else its start. */
export const effectiveTime = (u: AuditUpdate): string => u.endTime ?? u.startTime;

export function updateEnvironment(raw: Record<string, string> | null | undefined): UpdateEnvironment {
  const env = raw ?? {};
  const pick = (...keys: string[]) => keys.map((k) => env[k]).find((v) => v !== undefined && v !== "");
  const out: UpdateEnvironment = { raw: { ...env } };
  const set = <K extends keyof Omit<UpdateEnvironment, "raw" | "failedSteps">>(key: K, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("gitHead", pick("git.head"));
  set("gitAuthor", pick("git.author", "git.committer"));
  set("gitAuthorEmail", pick("git.author.email", "git.committer.email"));
  set("ciSystem", pick("ci.system"));
  set("ciRun", pick("ci.build.url", "ci.build.id"));
  set("execKind", pick("exec.kind"));
  const resourceOf = (urn: string) => urn.split("::").pop() ?? urn;
  const failed = readFailedSteps(env).map(({ urn, op, message }) => ({ resource: resourceOf(urn), op, message }));
  if (failed.length) out.failedSteps = failed;
  return out;
}

/**
 * Orders updates oldest first and numbers them: the source's versions when they are distinct and non-zero
 * (Pulumi Cloud), else 1..n (the diy backend writes version 0 in every history file).
 */
export function numberUpdates(updates: Array<Omit<AuditUpdate, "version"> & { version?: number }>): AuditUpdate[] {
  const sorted = [...updates].sort(
    (a, b) => a.startTime.localeCompare(b.startTime) || (a.source.history ?? "").localeCompare(b.source.history ?? ""),
  );
  const versions = sorted.map((u) => u.version ?? 0);
  const own = versions.every((v) => v > 0) && new Set(versions).size === versions.length;
  return sorted.map((u, i) => ({ ...u, version: own ? versions[i]! : i + 1 }));
}

/** Unix seconds → RFC 3339. */
export const isoFromUnix = (seconds: number): string => new Date(seconds * 1000).toISOString();
