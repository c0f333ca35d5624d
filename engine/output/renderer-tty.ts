import pc from "picocolors";
import type { EngineEvent, StepEventMetadata } from "../events";
import { diffLabel, resourceName, stepStatus, type StepPhase } from "./format-step";
import { RunReport } from "./run-report";
import { renderTree, type TreeRow } from "./tree-view";

const REDRAW_MS = 100;

/** A live tree (Type / Name / Status / Info) redrawn in place on a terminal, then the report below it. */
export function createTtyRenderer(stream: NodeJS.WritableStream & { columns?: number }) {
  const report = new RunReport();
  const steps = new Map<string, { meta: StepEventMetadata; phase: StepPhase }>();
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;

  const info = (meta: StepEventMetadata): string => {
    const errors = report.diagnosticsOf(meta.urn).filter((d) => d.severity === "error");
    const last = errors.at(-1)?.message.trim().split("\n")[0];
    return [diffLabel(meta), last ? `${errors.length} error${errors.length > 1 ? "s" : ""}: ${last}` : ""].filter(Boolean).join(" ");
  };
  // Rows are derived at draw time: a resource's error diagnostic usually arrives after its failure event.
  const row = ({ meta, phase }: { meta: StepEventMetadata; phase: StepPhase }): TreeRow => ({
    urn: meta.urn,
    parent: meta.new?.parent || meta.old?.parent || undefined,
    op: meta.op,
    type: meta.type,
    name: resourceName(meta.urn),
    status: stepStatus(meta.op, phase),
    info: info(meta),
    failed: phase === "failed",
  });
  const draw = () => {
    timer = undefined;
    const rows = [...steps.values()].map(row);
    const lines = renderTree(rows, stream.columns ?? 120, (line, r) => (r.failed ? pc.red(line) : line));
    // Move to the first line drawn last time and clear below, so the table updates in place.
    stream.write(`${drawn ? `\x1b[${drawn}F\x1b[J` : ""}${lines.join("\n")}\n`);
    drawn = lines.length;
  };
  const schedule = () => {
    timer ??= setTimeout(draw, REDRAW_MS);
    timer.unref?.();
  };

  return {
    onEvent(event: EngineEvent): void {
      report.add(event);
      const pre = event.resourcePreEvent;
      if (pre) steps.set(pre.metadata.urn, { meta: pre.metadata, phase: pre.planning ? "planned" : "running" });
      const done = event.resOutputsEvent;
      if (done) steps.set(done.metadata.urn, { meta: done.metadata, phase: done.planning ? "planned" : "done" });
      const failed = event.resOpFailedEvent;
      if (failed) steps.set(failed.metadata.urn, { meta: failed.metadata, phase: "failed" });
      if (pre || done || failed || event.diagnosticEvent?.urn) schedule();
    },
    close(): void {
      if (timer) clearTimeout(timer);
      if (steps.size) draw();
      const lines = report.lines();
      if (lines.length) stream.write(`\n${lines.join("\n")}\n`);
    },
  };
}
