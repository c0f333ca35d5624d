import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonFileSaver } from "../../sandbox/json-file-saver";

let dir: string;
let file: string;
beforeEach(() => {
  vi.useFakeTimers();
  dir = mkdtempSync(path.join(tmpdir(), "json-saver-"));
  // A subfolder that does not exist yet: the saver creates it, as a fresh data dir needs.
  file = path.join(dir, "state", "app.json");
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** A state the test mutates, and how many times the saver took a snapshot of it (one per write). */
function counted() {
  const state = { n: 0 };
  const snapshot = vi.fn(() => ({ ...state }));
  return { state, snapshot };
}

const saved = () => JSON.parse(readFileSync(file, "utf8")) as { n: number };

describe("jsonFileSaver", () => {
  it("coalesces a burst of changes into one write of the last state, 100 ms after the first", () => {
    const { state, snapshot } = counted();
    const saver = jsonFileSaver(file, snapshot);
    for (let i = 1; i <= 5; i++) {
      state.n = i;
      saver.changed();
      vi.advanceTimersByTime(10);
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(50);
    expect(snapshot).toHaveBeenCalledTimes(1);
    expect(saved()).toEqual({ n: 5 });

    // A later change starts a new burst and a new write.
    state.n = 6;
    saver.changed();
    vi.advanceTimersByTime(100);
    expect(snapshot).toHaveBeenCalledTimes(2);
    expect(saved()).toEqual({ n: 6 });
  });

  it("flush writes at once and cancels the pending save", () => {
    const { state, snapshot } = counted();
    const saver = jsonFileSaver(file, snapshot);
    state.n = 1;
    saver.changed();
    saver.flush();
    expect(saved()).toEqual({ n: 1 });
    vi.advanceTimersByTime(1_000);
    expect(snapshot).toHaveBeenCalledTimes(1);
  });

  it("writes nothing without a change, and leaves no temporary file behind after a write", () => {
    const { snapshot } = counted();
    const saver = jsonFileSaver(file, snapshot);
    vi.advanceTimersByTime(1_000);
    expect(snapshot).not.toHaveBeenCalled();
    expect(existsSync(file)).toBe(false);

    saver.changed();
    vi.advanceTimersByTime(100);
    expect(readdirSync(path.dirname(file))).toEqual(["app.json"]);
  });

  it("without a file (no data dir) neither call writes or snapshots", () => {
    const { snapshot } = counted();
    const saver = jsonFileSaver(undefined, snapshot);
    saver.changed();
    saver.flush();
    vi.advanceTimersByTime(1_000);
    expect(snapshot).not.toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual([]);
  });
});
