import type { PolicyResult, ResourceChanges, ResourceStep } from "./comment-inputs";

/**
 * The part of an engine event (engine/events.ts `EngineEvent`, Pulumi's `apitype.EngineEvent`) the comment
 * needs. Structural, so an `EngineEventSink` accepts the collector and this library does not load the engine.
 */
export interface PreviewEvent {
  resourcePreEvent?: { metadata: ResourceStep };
  policyEvent?: PolicyResult;
  summaryEvent?: { resourceChanges: Partial<Record<string, number>>; policyPacks?: Record<string, string> };
  diagnosticEvent?: { severity: string; message: string; urn?: string };
}

export interface CollectedPreview {
  policy: PolicyResult[];
  resources: ResourceChanges;
  /** Policy packs the summary names; undefined when no summary arrived (the run failed early). */
  policyPacks?: string[];
  /** Error diagnostics, in order. */
  errors: string[];
}

/** Steps that change something (everything but `same`): non-zero fails `preview --expect-no-changes`. */
export function pendingChanges(changes: ResourceChanges["changes"]): number {
  return Object.entries(changes).reduce((n, [op, count]) => n + (op === "same" ? 0 : (count ?? 0)), 0);
}

/** Replacement sub-steps: Pulumi reports them beside the `replace` step, which is the one a reviewer reads. */
const subSteps = new Set(["create-replacement", "delete-replaced"]);

/**
 * A sink to pass as `onEvent` (next to the renderer's) and what it gathered.
 * @example const c = collectPreviewEvents(); await runOperation({ …, onEvent: (e) => { r.onEvent(e); c.onEvent(e); } });
 */
export function collectPreviewEvents(): { onEvent: (event: PreviewEvent) => void; result: () => CollectedPreview } {
  const steps: ResourceStep[] = [];
  const policy = new Map<string, PolicyResult>();
  const errors: string[] = [];
  let summary: PreviewEvent["summaryEvent"];
  return {
    onEvent(event) {
      const step = event.resourcePreEvent?.metadata;
      if (step && !subSteps.has(step.op))
        steps.push({ op: step.op, urn: step.urn, type: step.type, ...(step.diffs ? { diffs: [...step.diffs] } : {}) });
      const p = event.policyEvent;
      // A stack policy can report the same violation once per resource event stream; show it once.
      if (p)
        policy.set(JSON.stringify([p.policyPackName, p.policyName, p.resourceUrn ?? "", p.message]), {
          policyPackName: p.policyPackName,
          policyName: p.policyName,
          enforcementLevel: p.enforcementLevel,
          message: p.message,
          ...(p.resourceUrn ? { resourceUrn: p.resourceUrn } : {}),
        });
      if (event.diagnosticEvent?.severity === "error") errors.push(event.diagnosticEvent.message.trim());
      if (event.summaryEvent) summary = event.summaryEvent;
    },
    result() {
      const counted: Record<string, number> = {};
      for (const s of steps) counted[s.op] = (counted[s.op] ?? 0) + 1;
      return {
        policy: [...policy.values()],
        resources: { changes: summary ? { ...summary.resourceChanges } : counted, steps: [...steps] },
        ...(summary ? { policyPacks: Object.keys(summary.policyPacks ?? {}).sort() } : {}),
        errors: [...errors],
      };
    },
  };
}
