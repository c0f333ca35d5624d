import { randomUUID } from "node:crypto";
import { readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { hostname, userInfo } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { StateCode, StateError } from "../errors";

// The lock file of pkg/backend/diy/lock.go: locks/organization/<project>/<stack>/<uuid>.json.
const lockContentSchema = z.looseObject({
  pid: z.number(),
  username: z.string(),
  hostname: z.string(),
  timestamp: z.string(),
});
type LockContent = z.infer<typeof lockContentSchema>;

export type Unlock = () => Promise<void>;

/** Signal 0 probes without touching the process; EPERM still proves it exists. Unsure means alive. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holder(file: string, lock: LockContent | undefined): string {
  return lock
    ? `${file}: created by ${lock.username}@${lock.hostname} (pid ${lock.pid}) at ${lock.timestamp}`
    : `${file}: unreadable lock file`;
}

async function readLock(file: string): Promise<LockContent | undefined> {
  try {
    return lockContentSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return undefined;
  }
}

/** Other locks on the stack; stale ones (a dead pid on this host) are removed and reported through `onStale`. */
async function otherLocks(dir: string, own: string, onStale: (message: string) => void): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const live: string[] = [];
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const file = join(dir, name);
    if (file === own) continue;
    const lock = await readLock(file);
    if (lock && lock.hostname === hostname() && !processAlive(lock.pid)) {
      onStale(`removed a stale lock (its process is gone): ${holder(file, lock)}`);
      await rm(file, { force: true });
      continue;
    }
    live.push(holder(file, lock));
  }
  return live;
}

/**
 * Takes the diy lock of one stack, as the Pulumi CLI does: refuse when another live lock exists, write ours, and
 * check again so two racing writers both back off instead of both proceeding.
 * @throws StateError `STATE_LOCKED` naming every holder.
 */
export async function acquireLock(dir: string, stackName: string, onStale: (message: string) => void): Promise<Unlock> {
  const own = join(dir, `${randomUUID()}.json`);
  const refuse = (holders: string[]) =>
    new StateError(
      StateCode.locked,
      `the stack ${stackName} is locked by ${holders.length} lock(s):\n  ${holders.join("\n  ")}`,
      "wait for the other run to end; if its process is gone, delete the lock file named above",
      { file: dir },
    );
  const before = await otherLocks(dir, own, onStale);
  if (before.length) throw refuse(before);
  const content: LockContent = {
    pid: process.pid,
    username: userInfo().username,
    hostname: hostname(),
    timestamp: new Date().toISOString(),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(own, JSON.stringify(content));
  const after = await otherLocks(dir, own, onStale);
  if (after.length) {
    await rm(own, { force: true });
    throw refuse(after);
  }
  return () => rm(own, { force: true });
}
