import type { DiagnosticEvent, EngineEvent, PolicyEvent, SummaryEvent } from "../events";
import { resourceName } from "./format-step";
import { formatSummary } from "./format-summary";
import { formatValue } from "./format-value";

const STACK_TYPE = "pulumi:pulumi:Stack";

/** What Pulumi prints after the steps: diagnostics per resource, policy violations, stack outputs, the summary. */
export class RunReport {
  private readonly diagnostics = new Map<string, DiagnosticEvent[]>();
  private readonly types = new Map<string, string>();
  private readonly policies: PolicyEvent[] = [];
  private outputs: Record<string, unknown> | undefined;
  summary: SummaryEvent | undefined;

  add(event: EngineEvent): void {
    const meta =
      event.resourcePreEvent?.metadata ?? event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    if (meta) this.types.set(meta.urn, meta.type);
    const outputs = event.resOutputsEvent?.metadata;
    if (outputs?.type === STACK_TYPE && outputs.new?.outputs && Object.keys(outputs.new.outputs).length)
      this.outputs = outputs.new.outputs;
    const d = event.diagnosticEvent;
    // Debug chatter and ephemeral progress lines are not part of the record (spec §15.9).
    if (d && d.severity !== "debug" && !d.ephemeral) {
      const key = d.urn ?? "";
      this.diagnostics.set(key, [...(this.diagnostics.get(key) ?? []), d]);
    }
    if (event.policyEvent) this.policies.push(event.policyEvent);
    if (event.summaryEvent) this.summary = event.summaryEvent;
  }

  lines(): string[] {
    const out: string[] = [];
    if (this.diagnostics.size) {
      out.push("Diagnostics:");
      for (const [urn, list] of this.diagnostics) {
        out.push(urn ? `  ${this.types.get(urn) ?? "resource"} (${resourceName(urn)}):` : "  (engine):");
        for (const d of list) out.push(...diagnosticLines(d).map((line) => `    ${line}`));
        out.push("");
      }
    }
    if (this.policies.length) {
      out.push("Policy Violations:");
      for (const p of this.policies) out.push(...policyLines(p, this.types));
      out.push("");
    }
    if (this.outputs) {
      out.push("Outputs:");
      for (const [key, value] of Object.entries(this.outputs)) out.push(`    ${key}: ${formatValue(value)}`);
      out.push("");
    }
    if (this.summary) out.push(...formatSummary(this.summary));
    return out;
  }
}

/** `error: message` (info without a prefix), one entry per message line. */
export function diagnosticLines(d: DiagnosticEvent): string[] {
  const prefix = d.severity === "info" || d.severity === "info#err" ? "" : `${d.severity}: `;
  const [first = "", ...rest] = d.message.replace(/\s+$/, "").split("\n");
  return [`${prefix}${first}`, ...rest];
}

/** `[mandatory]  pack v1.0.0  policy-name  (type: name)` and the message, indented. */
export function policyLines(p: PolicyEvent, types: ReadonlyMap<string, string> = new Map()): string[] {
  const level = p.enforcementLevel === "warning" ? "advisory" : p.enforcementLevel;
  const where = p.resourceUrn ? `  (${types.get(p.resourceUrn) ?? "resource"}: ${resourceName(p.resourceUrn)})` : "";
  return [
    `    [${level}]  ${p.policyPackName} v${p.policyPackVersion}  ${p.policyName}${where}`,
    ...p.message
      .replace(/\s+$/, "")
      .split("\n")
      .map((l) => `    ${l}`),
  ];
}
