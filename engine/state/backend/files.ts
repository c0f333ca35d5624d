import { copyFile, mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";

/** Writes a file via a temporary file, fsync and rename, so readers see the old or the new file, never half. */
async function replaceAtomically(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, "w");
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Replaces `file` with `data` atomically (see replaceAtomically). */
export function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  return replaceAtomically(file, (handle) => handle.writeFile(data));
}

// Pieces are gathered into writes of about this many characters: few syscalls, little memory.
const WRITE_CHARS = 1 << 20;

/**
 * Replaces `file` atomically with the UTF-8 text of `chunks` joined, written as they come in ~1 MB writes, so
 * the whole text is never in memory at once (a 20,000-resource checkpoint is ~90 MB as a string and again as a
 * buffer). A chunk that throws leaves the old file in place. A surrogate pair must not be split across chunks
 * (JSON.stringify's pieces never do that).
 */
export function writeChunksAtomic(file: string, chunks: Iterable<string>): Promise<void> {
  return replaceAtomically(file, async (handle) => {
    let pending: string[] = [];
    let size = 0;
    const drain = async () => {
      if (size === 0) return;
      const bytes = Buffer.from(pending.join(""));
      pending = [];
      size = 0;
      await handle.writeFile(bytes); // at the current position, looping over short writes
    };
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= WRITE_CHARS) await drain();
    }
    await drain();
  });
}

/** Copies `from` to `to` if `from` exists; returns whether it did. */
export async function copyIfExists(from: string, to: string): Promise<boolean> {
  try {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

export function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === "ENOENT";
}
