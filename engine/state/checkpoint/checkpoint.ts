import type { DeploymentV3 } from "./apitype";
import { deploymentV3Schema } from "./apitype";
import { StateCode, StateError } from "../errors";
import { jsonChunks } from "./json-chunks";

/** What a diy checkpoint file holds once read: the stack name and the latest deployment (absent after `stack init`). */
export interface ReadCheckpoint {
  version: number;
  stack?: string;
  deployment?: DeploymentV3;
}

// Features a v4 checkpoint may require; this engine writes none and understands none, so any is refused.
const SUPPORTED_FEATURES: readonly string[] = [];

function invalid(file: string, message: string, cause?: unknown): StateError {
  return new StateError(
    StateCode.checkpointInvalid,
    `${file}: ${message}`,
    "restore the file from its .bak or from backups/, or inspect it with `pulumi stack export`",
    { file },
    cause,
  );
}

/** Checkpoint v1/v2 resources carried `defaults`, dropped by Go's migrate.UpToCheckpointV2. */
function migrateResources(latest: Record<string, unknown>): void {
  const resources = latest.resources;
  if (!Array.isArray(resources)) return;
  for (const r of resources) if (r && typeof r === "object") delete (r as Record<string, unknown>).defaults;
}

/**
 * Parses a diy checkpoint of any version 0–4, indented or compact (pkg/resource/stack/checkpoint.go).
 * @throws StateError naming the file and the first invalid field.
 */
export function parseCheckpoint(text: string, file: string): ReadCheckpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw invalid(file, `not valid JSON (${(cause as Error).message})`, cause);
  }
  if (typeof raw !== "object" || raw === null) throw invalid(file, "not a JSON object");
  const top = raw as { version?: unknown; features?: unknown; checkpoint?: unknown };
  const version = top.version ?? 0;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0 || version > 4) {
    throw new StateError(
      StateCode.checkpointVersion,
      `${file}: checkpoint version ${String(version)} is not supported (0–4 are)`,
      "use a Pulumi CLI that wrote this version, or restore an older checkpoint",
      { file },
    );
  }
  const features = Array.isArray(top.features) ? top.features.map(String) : [];
  const unknown = features.filter((f) => !SUPPORTED_FEATURES.includes(f));
  if (unknown.length) {
    throw new StateError(
      StateCode.checkpointVersion,
      `${file}: checkpoint needs features this engine lacks: ${unknown.join(", ")}`,
      "run this stack with --engine pulumi",
      { file },
    );
  }
  // Version 0 predates the envelope: the whole file may be the checkpoint.
  const checkpoint = (version === 0 && top.checkpoint === undefined ? raw : top.checkpoint) as
    Record<string, unknown> | undefined;
  if (typeof checkpoint !== "object" || checkpoint === null) throw invalid(file, "has no `checkpoint` object");
  const stack = typeof checkpoint.stack === "string" ? checkpoint.stack : undefined;
  const latest = checkpoint.latest as Record<string, unknown> | undefined | null;
  if (latest === undefined || latest === null) return { version, ...(stack ? { stack } : {}) };
  if (version < 3) migrateResources(latest);
  const parsed = deploymentV3Schema.safeParse(latest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(file, `checkpoint.latest.${issue.path.join(".")}: ${issue.message}`);
  }
  return { version, ...(stack ? { stack } : {}), deployment: parsed.data };
}

/** Orders a deployment's keys as Go's DeploymentV3 marshals them and drops empty optional lists. */
export function canonicalDeployment(deployment: DeploymentV3): DeploymentV3 {
  const { manifest, secrets_providers, resources, pending_operations, metadata, ...rest } = deployment;
  return {
    manifest,
    ...(secrets_providers ? { secrets_providers } : {}),
    ...(resources?.length ? { resources } : {}),
    ...(pending_operations?.length ? { pending_operations } : {}),
    ...(metadata ? { metadata } : {}),
    ...rest,
  };
}

/** The file's top-level object: version 3, or 4 only when features are required. */
function envelope(stack: string, deployment: DeploymentV3, features: string[]): object {
  const latest = canonicalDeployment(deployment);
  return features.length
    ? { version: 4, features, checkpoint: { stack, latest } }
    : { version: 3, checkpoint: { stack, latest } };
}

/** Compact one-line JSON, as current Pulumi CLIs write it. */
export function serializeCheckpoint(stack: string, deployment: DeploymentV3, features: string[] = []): string {
  return JSON.stringify(envelope(stack, deployment, features));
}

/**
 * The same text as `serializeCheckpoint`, resource by resource (envelope → checkpoint → latest → resources are
 * walked, each resource is one piece), for writing a checkpoint of any size without holding it as one string.
 */
export function checkpointChunks(stack: string, deployment: DeploymentV3, features: string[] = []): Iterable<string> {
  return jsonChunks(envelope(stack, deployment, features), 4);
}
