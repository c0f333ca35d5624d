import { copyFile, readdir, readFile, writeFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { DeploymentV3, UpdateInfo } from "../checkpoint/apitype";
import { updateInfoSchema } from "../checkpoint/apitype";
import { checkpointChunks, parseCheckpoint, type ReadCheckpoint } from "../checkpoint/checkpoint";
import { StateCode, StateError } from "../errors";
import { copyIfExists, isMissing, writeChunksAtomic } from "./files";
import { verifyIntegrity } from "../checkpoint/integrity";
import { unixNano, type StackPaths } from "./layout";

/**
 * The checkpoint read last in this process, by the file's identity on disk. `idlc preview|up` reads the stack (held
 * accounts, targets, the budget) before the engine locks and loads it: at 6,500 resources each parse and validation
 * of the ~60 MB file took seconds before the program could start. Updates replace the file (a new inode); an edit in
 * place changes its modification time, except within the file system's timestamp granularity (a few ms) of the
 * read it follows with the same size, which nothing in idlc or Pulumi does. Readers share the object and must not
 * change it.
 */
let lastRead: { key: string; checkpoint: ReadCheckpoint } | undefined;

/** Reads `<stack>.json`, or `<stack>.json.gz` when only that exists (PULUMI_DIY_BACKEND_GZIP); undefined when neither does. */
export async function readCheckpointFile(paths: StackPaths): Promise<ReadCheckpoint | undefined> {
  try {
    const file = await stat(paths.checkpoint, { bigint: true });
    const key = [paths.checkpoint, file.dev, file.ino, file.size, file.mtimeNs, file.ctimeNs].join("\0");
    if (lastRead?.key === key) return lastRead.checkpoint;
    lastRead = undefined;
    const checkpoint = parseCheckpoint(await readFile(paths.checkpoint, "utf8"), paths.checkpoint);
    lastRead = { key, checkpoint };
    return checkpoint;
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
 * current file copied to `.bak`, then an atomic replace. The JSON is written resource by resource: at 20,000
 * resources it is ~90 MB, which as one string plus its buffer beside the deployment's objects was most of an
 * update's peak memory. History and backups copy the file written.
 */
export async function writeCheckpointFile(paths: StackPaths, deployment: DeploymentV3): Promise<void> {
  verifyIntegrity(deployment, paths.checkpoint);
  await copyIfExists(paths.checkpoint, paths.backupCopy);
  await writeChunksAtomic(paths.checkpoint, checkpointChunks(paths.fullName, deployment));
}

/**
 * `history/<project>/<stack>/<stack>-<unixNano>.history.json` plus the `.checkpoint.json` copy with the same prefix
 * (a copy of the checkpoint just written). Returns the history file's path.
 */
export async function writeHistoryEntry(paths: StackPaths, stack: string, info: UpdateInfo): Promise<string> {
  const prefix = join(paths.historyDir, `${stack}-${unixNano()}`);
  await mkdir(paths.historyDir, { recursive: true });
  await writeFile(`${prefix}.history.json`, JSON.stringify(info));
  await copyFile(paths.checkpoint, `${prefix}.checkpoint.json`);
  return `${prefix}.history.json`;
}

/**
 * `backups/<project>/<stack>/<stack>.<unixNano>.json`, a copy of the checkpoint just written, unless
 * PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS is set.
 */
export async function writeBackup(paths: StackPaths, stack: string, env: NodeJS.ProcessEnv): Promise<void> {
  const disabled = env.PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS;
  if (disabled && !["0", "false"].includes(disabled.toLowerCase())) return;
  await mkdir(paths.backupsDir, { recursive: true });
  await copyFile(paths.checkpoint, join(paths.backupsDir, `${stack}.${unixNano()}.json`));
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
