/**
 * A real terminal for a test: a tmux server of its own (its own socket, so nobody else's sessions are touched),
 * one window of a fixed size running a command, and its screen read back with capture-pane.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

export interface Terminal {
  /** What the window shows now; with `history`, everything that scrolled off it too. */
  screen(history?: boolean): string;
  /** Polls the screen until `done` holds (or throws after `timeoutMs`), keeping every distinct screen seen. */
  waitFor(done: (screen: string) => boolean, timeoutMs: number): Promise<string[]>;
  close(): void;
}

/** Runs `command` (a shell line) in a `columns`×`rows` terminal; CI is unset, as on a person's machine. */
export function terminal(
  command: string,
  options: { columns: number; rows: number; cwd: string; env?: Record<string, string> },
): Terminal {
  const socket = `idlc-test-${randomBytes(4).toString("hex")}`;
  // -u: a UTF-8 terminal, as a person's is; without it tmux counts each byte of "█" as a cell and lines wrap.
  const tmux = (...args: string[]) => execFileSync("tmux", ["-u", "-L", socket, ...args], { encoding: "utf8" });
  const env = Object.entries(options.env ?? {})
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  // The shell stays after the command so its last screen can be read; the marker says it ended.
  const line = `cd '${options.cwd}' && env -u CI ${env} ${command}; echo "[exit $?]"; sleep 600`;
  tmux("-f", "/dev/null", "new-session", "-d", "-x", String(options.columns), "-y", String(options.rows), line);
  const screen = (history = false) => tmux("capture-pane", "-p", ...(history ? ["-S", "-"] : []));
  return {
    screen,
    async waitFor(done, timeoutMs) {
      const seen: string[] = [];
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = screen();
        if (now !== seen.at(-1)) seen.push(now);
        if (done(now)) return seen;
        if (Date.now() > deadline) throw new Error(`the terminal never showed what was awaited; last screen:\n${now}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close: () => void tmux("kill-server"),
  };
}
