import { mkdir, open, readFile, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { StateCode, StateError } from "../errors";

/**
 * An append-only file with group commit: `append` buffers a line and writes it on the next turn of the event loop
 * (so a killed process loses at most the current turn); `durable` resolves once everything appended so far is
 * written and fsync'ed. Appends arriving while an fsync runs are written together and share the next fsync.
 */
export class AppendLog {
  private handle: FileHandle | undefined;
  private buffer: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private draining = false;
  private failure: StateError | undefined;
  /** Counters for benchmarks and tests: lines appended, write calls, fsyncs. */
  readonly stats = { records: 0, writes: 0, syncs: 0 };

  constructor(private readonly file: string) {}

  append(line: string): void {
    if (this.failure) throw this.failure;
    this.buffer.push(`${line}\n`);
    this.stats.records++;
    this.kick();
  }

  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  async close(): Promise<void> {
    await this.durable();
    await this.handle?.close();
    this.handle = undefined;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.buffer.length || this.waiters.length) {
      const data = this.buffer.join("");
      const waiters = this.waiters;
      this.buffer = [];
      this.waiters = [];
      try {
        if (!this.handle) {
          await mkdir(dirname(this.file), { recursive: true });
          // "wx": a journal left by another run must be recovered, never appended to.
          this.handle = await open(this.file, "wx");
          await syncDirectory(dirname(this.file)); // the new file's directory entry must survive a crash too
        }
        if (data) {
          await this.handle.writeFile(data);
          this.stats.writes++;
        }
        if (waiters.length) {
          await this.handle.datasync();
          this.stats.syncs++;
        }
        for (const w of waiters) w.resolve();
      } catch (cause) {
        this.failure = new StateError(
          StateCode.journalInvalid,
          `cannot write the journal ${this.file}: ${(cause as Error).message}`,
          "check free disk space and permissions of the .pulumi directory",
          { file: this.file },
          cause,
        );
        for (const w of [...waiters, ...this.waiters]) w.reject(this.failure);
        this.waiters = [];
        break;
      }
    }
    this.draining = false;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads a JSON-lines journal. A torn last line (the writer was killed mid-write) is dropped; any other bad line is an error. */
export async function readJournalLines(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8");
  const lines = text.split("\n");
  const records: unknown[] = [];
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch (cause) {
      if (index === lines.length - 1) break;
      throw new StateError(
        StateCode.journalInvalid,
        `${file}:${index + 1}: not a JSON journal record`,
        "move the journal aside and restore the checkpoint from its .bak; the journal was altered",
        { file, row: index + 1 },
        cause,
      );
    }
  }
  return records;
}
