import type { EngineEvent } from "../events";
import { propertyDiffLines } from "./format-diff";
import { formatStepLine } from "./format-step";
import { RunReport } from "./run-report";

/**
 * One line per step as the Pulumi CLI prints in CI: the step as it starts (with its property diff for updates
 * and replaces), the step as it ends (not in preview, where nothing runs), `same` steps omitted; then the report.
 */
export function createPlainRenderer(stream: NodeJS.WritableStream) {
  const report = new RunReport();
  const write = (lines: string[]) => {
    if (lines.length) stream.write(`${lines.join("\n")}\n`);
  };
  return {
    onEvent(event: EngineEvent): void {
      report.add(event);
      const pre = event.resourcePreEvent;
      if (pre && pre.metadata.op !== "same") {
        write([
          formatStepLine(pre.metadata, pre.planning ? "planned" : "running"),
          ...propertyDiffLines(pre.metadata).map((l) => `    ${l}`),
        ]);
      }
      const done = event.resOutputsEvent;
      if (done && !done.planning && done.metadata.op !== "same") write([formatStepLine(done.metadata, "done")]);
      const failed = event.resOpFailedEvent;
      if (failed) write([formatStepLine(failed.metadata, "failed")]);
    },
    close(): void {
      const lines = report.lines();
      if (lines.length) write(["", ...lines]);
    },
  };
}
