/**
 * @module engine/output
 * Renders engine events (engine/events.ts, shaped like Pulumi's EngineEvent) the way the Pulumi CLI shows them:
 * `tty` a live progress view per app redrawn in place, `plain` one line per step for CI logs with property diffs,
 * `json` one event per line for tools. Values arrive already masked (`[secret]`, `[unknown]`); nothing here unmasks.
 */
import type { EngineEvent } from "../events";
import { createPlainRenderer } from "./renderer-plain";
import { createTtyRenderer } from "./renderer-tty";

export interface RendererOptions {
  mode: "tty" | "plain" | "json";
  stream: NodeJS.WritableStream;
  /** Reserved for `--show-secrets`; events are masked at the source, so there is nothing to reveal here. */
  showSecrets?: false;
}

export interface Renderer {
  onEvent(event: EngineEvent): void;
  /** Final redraw, then diagnostics, policy violations, stack outputs and the summary. */
  close(): void;
}

/**
 * The live view only for a person at a terminal: CI logs and pipes get plain lines, whatever the terminal claims.
 * @example const r = createRenderer({ mode: rendererMode({ json: false, stream: process.stderr }), stream: process.stderr });
 */
export function rendererMode(options: {
  json?: boolean;
  stream: { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}): RendererOptions["mode"] {
  const env = options.env ?? process.env;
  if (options.json) return "json";
  return options.stream.isTTY && !env.CI ? "tty" : "plain";
}

export function createRenderer(options: RendererOptions): Renderer {
  switch (options.mode) {
    case "tty":
      return createTtyRenderer(options.stream);
    case "plain":
      return createPlainRenderer(options.stream);
    case "json":
      return { onEvent: (event) => void options.stream.write(`${JSON.stringify(event)}\n`), close: () => undefined };
  }
}

export { formatValue, valueAtPath } from "./format-value";
export { diffLabel, formatStepLine, opSymbol, resourceName, stepStatus, type StepPhase } from "./format-step";
export { propertyDiffLines } from "./format-diff";
export { formatDuration, formatSummary } from "./format-summary";
export { appOf, newProgress, progressLines, track, type Progress } from "./app-progress";
export { diagnosticLines, policyLines, RunReport } from "./run-report";
export { formatChanges, formatHistory, type HistoryEntry } from "./format-history";
