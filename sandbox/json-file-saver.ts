import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Saves an emulator's state to one JSON file, one write per burst of changes. */
export interface JsonFileSaver {
  /** Call after every change: schedules one save `delayMs` later unless one is already pending. */
  changed: () => void;
  /** Writes the current state now and cancels the pending save (on stop). */
  flush: () => void;
}

/**
 * @param file where to save; undefined (no data dir) makes both calls no-ops
 * @param snapshot the state as plain JSON-able data, taken at write time so a burst saves its last state
 */
export function jsonFileSaver(file: string | undefined, snapshot: () => unknown, delayMs = 100): JsonFileSaver {
  let timer: NodeJS.Timeout | undefined;
  const saver: JsonFileSaver = {
    changed() {
      if (!file || timer) return;
      timer = setTimeout(() => saver.flush(), delayMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!file) return;
      mkdirSync(path.dirname(file), { recursive: true });
      // Write-then-rename: a crash mid-write never leaves a truncated file for the next start to choke on.
      writeFileSync(`${file}.tmp`, JSON.stringify(snapshot()));
      renameSync(`${file}.tmp`, file);
    },
  };
  return saver;
}

/**
 * An emulator store kept in one JSON file: `saved()` is what the file holds, `read()` gives it back on start.
 * Without a file (no data dir) nothing is read or written.
 */
export abstract class JsonFileStore<Saved> {
  /** Coalesces writes: one file write per burst of changes. */
  readonly changed: () => void;
  /** Writes now (on stop). */
  readonly flush: () => void;

  constructor(private readonly file?: string) {
    ({ changed: this.changed, flush: this.flush } = jsonFileSaver(file, () => this.saved()));
  }

  /** What the file holds: the store's state as plain JSON-able data. */
  protected abstract saved(): Saved;

  /** What the file held, or undefined when there is none. */
  protected read(): Saved | undefined {
    return this.file && existsSync(this.file) ? (JSON.parse(readFileSync(this.file, "utf8")) as Saved) : undefined;
  }
}
