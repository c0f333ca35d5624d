import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { DeploymentV3, UpdateInfo } from "../checkpoint/apitype";
import { updateInfoSchema } from "../checkpoint/apitype";
import { parseCheckpoint, serializeCheckpoint, type ReadCheckpoint } from "../checkpoint/checkpoint";
import { StateCode, StateError } from "../errors";
import { copyIfExists, isMissing, writeFileAtomic } from "./files";
import { verifyIntegrity } from "../checkpoint/integrity";
import { unixNano, type StackPaths } from "./layout";

/** Reads `<stack>.json`, or `<stack>.json.gz` when only that exists (PULUMI_DIY_BACKEND_GZIP); undefined when neither does. */
export async function readCheckpointFile(paths: StackPaths): Promise<ReadCheckpoint | undefined> {
  try {
    return parseCheckpoint(await readFile(paths.checkpoint, "utf8"), paths.checkpoint);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  try {
    return parseCheckpoint(gunzipSync(await readFile(paths.checkpointGzip)).toString("utf8"), paths.checkpointGzip);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/**
 * Saves the checkpoint as Go's saveCheckpoint does: integrity check first (nothing invalid is written), the
 * current file copied to `.bak`, then an atomic replace. Returns the bytes written, for history and backups
 * (encoded once: re-encoding a 100 MB string per copy costs more than writing it).
 */
export async function writeCheckpointFile(paths: StackPaths, deployment: DeploymentV3): Promise<Buffer> {
  verifyIntegrity(deployment, paths.checkpoint);
  const bytes = Buffer.from(serializeCheckpoint(paths.fullName, deployment));
  await copyIfExists(paths.checkpoint, paths.backupCopy);
  await writeFileAtomic(paths.checkpoint, bytes);
  return bytes;
}

/** `history/<project>/<stack>/<stack>-<unixNano>.history.json` plus the `.checkpoint.json` copy with the same prefix. */
export async function writeHistoryEntry(
  paths: StackPaths,
  stack: string,
  info: UpdateInfo,
  checkpoint: Buffer,
): Promise<string> {
  const prefix = join(paths.historyDir, `${stack}-${unixNano()}`);
  await mkdir(paths.historyDir, { recursive: true });
  await writeFile(`${prefix}.history.json`, JSON.stringify(info));
  await writeFile(`${prefix}.checkpoint.json`, checkpoint);
  return `${prefix}.history.json`;
}

/** `backups/<project>/<stack>/<stack>.<unixNano>.json`, unless PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS is set. */
export async function writeBackup(
  paths: StackPaths,
  stack: string,
  checkpoint: Buffer,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const disabled = env.PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS;
  if (disabled && !["0", "false"].includes(disabled.toLowerCase())) return;
  await mkdir(paths.backupsDir, { recursive: true });
  await writeFile(join(paths.backupsDir, `${stack}.${unixNano()}.json`), checkpoint);
}

/** History entries, newest first (file names sort by their nanosecond timestamp, as Go's getHistory relies on). */
export async function readHistory(paths: StackPaths): Promise<UpdateInfo[]> {
  const names = await readdir(paths.historyDir).catch((err: unknown) => {
    if (isMissing(err)) return [] as string[];
    throw err;
  });
  const files = names
    .filter((n) => n.endsWith(".history.json"))
    .sort()
    .reverse();
  return Promise.all(
    files.map(async (name) => {
      const file = join(paths.historyDir, name);
      const parsed = updateInfoSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new StateError(
          StateCode.historyInvalid,
          `${file}: ${issue.path.join(".")}: ${issue.message}`,
          "move the damaged history file aside",
          { file },
        );
      }
      return parsed.data;
    }),
  );
}
