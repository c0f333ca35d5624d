import pc from "picocolors";
import type { EngineEvent, StepEventMetadata } from "../events";
import { newProgress, progressLines, track } from "./app-progress";
import { formatStepLine } from "./format-step";
import { RunReport } from "./run-report";

const REDRAW_MS = 100;
/** The elapsed time and the in-flight ages move on even when no event arrives. */
const TICK_MS = 1000;

type TtyStream = NodeJS.WritableStream & { columns?: number };

/**
 * The live view on a terminal: one progress line per app (done / total, changes, failures, what is in flight and
 * for how long, the app's latest status such as a rate-limit wait), redrawn in place — a fixed handful of lines
 * whether the run touches forty accounts or forty thousand. Then the failed steps and the report below it.
 */
export function createTtyRenderer(stream: TtyStream, now: () => number = Date.now) {
  const report = new RunReport();
  const progress = newProgress(now());
  const failed: StepEventMetadata[] = [];
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  const ticker = setInterval(() => drawn && draw(), TICK_MS);
  ticker.unref?.();

  const draw = () => {
    timer = undefined;
    const [header, ...apps] = progressLines(progress, now(), stream.columns || 120);
    const lines = [pc.dim(header!), ...apps];
    // Back to the first line drawn last time (CUU: every terminal has it), then each line over the old one, cleared
    // to its end (EL). Never a clear of the whole screen: tmux, for one, scrolls a cleared screen into its history.
    const up = drawn ? `\r\x1b[${drawn}A` : "";
    const rest = lines.length < drawn ? "\x1b[J" : "";
    stream.write(`${up}${lines.map((line) => `${line}\x1b[K\n`).join("")}${rest}`);
    drawn = lines.length;
  };
  const schedule = () => {
    timer ??= setTimeout(draw, REDRAW_MS);
    timer.unref?.();
  };

  return {
    onEvent(event: EngineEvent): void {
      report.add(event);
      if (event.resOpFailedEvent) failed.push(event.resOpFailedEvent.metadata);
      if (track(progress, event, now())) schedule();
    },
    close(): void {
      if (timer) clearTimeout(timer);
      clearInterval(ticker);
      if (progress.apps.size) draw();
      const lines = [...failed.map((meta) => pc.red(formatStepLine(meta, "failed"))), ...report.lines()];
      if (lines.length) stream.write(`\n${lines.join("\n")}\n`);
    },
  };
}
