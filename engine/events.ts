/**
 * Engine events, shaped like the Pulumi CLI's `apitype.EngineEvent` (sdk/go/common/apitype/events.go) so that
 * `--json` output is what Pulumi tools expect. Renderers (engine/output) consume exactly these types.
 *
 * Secrets never appear in an event: every secret value inside `inputs`/`outputs` is the string `"[secret]"`, and
 * every value unknown during preview is the string `"[unknown]"` (see `maskForDisplay` in engine/properties).
 */

/** A step kind, as Pulumi names them in events and in `resourceChanges`. */
export type StepOp =
  | "same"
  | "create"
  | "update"
  | "delete"
  | "replace"
  | "create-replacement"
  | "delete-replaced"
  | "read"
  | "refresh"
  | "discard";

/** What one property diff is, per Pulumi's `PropertyDiff.Kind`. */
export type PropertyDiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

export interface PropertyDiff {
  kind: PropertyDiffKind;
  inputDiff: boolean;
}

/** The state of a resource before or after a step (secrets masked). */
export interface StepEventStateMetadata {
  type: string;
  urn: string;
  custom?: boolean;
  delete?: boolean;
  id: string;
  parent: string;
  protect?: boolean;
  retainOnDelete?: boolean;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  provider?: string;
}

export interface StepEventMetadata {
  op: StepOp;
  urn: string;
  type: string;
  old?: StepEventStateMetadata;
  new?: StepEventStateMetadata;
  /** Top-level keys that caused a replacement. */
  keys?: string[];
  /** Top-level keys that differ. */
  diffs?: string[];
  /** Per property path (`a.b[0]`), what changed. */
  detailedDiff?: Record<string, PropertyDiff>;
  logical?: boolean;
  provider: string;
}

export interface PreludeEvent {
  /** Stack config with secret values shown as "[secret]". */
  config: Record<string, string>;
}

export interface ResourcePreEvent {
  metadata: StepEventMetadata;
  planning?: boolean;
}

export interface ResOutputsEvent {
  metadata: StepEventMetadata;
  planning?: boolean;
}

export interface ResOpFailedEvent {
  metadata: StepEventMetadata;
  status: number;
  steps: number;
}

export type DiagnosticSeverity = "debug" | "info" | "info#err" | "warning" | "error";

export interface DiagnosticEvent {
  urn?: string;
  prefix?: string;
  message: string;
  color: string;
  severity: DiagnosticSeverity;
  streamID?: number;
  ephemeral?: boolean;
}

export interface PolicyEvent {
  resourceUrn?: string;
  message: string;
  color: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  policyPackVersionTag: string;
  enforcementLevel: "warning" | "mandatory" | "remediate";
  severity?: string;
}

export interface SummaryEvent {
  maybeCorrupt: boolean;
  durationSeconds: number;
  /** Count per logical step op (`same`, `create`, …); replacement sub-steps are not counted. */
  resourceChanges: Partial<Record<StepOp, number>>;
  policyPacks: Record<string, string>;
  /** True when this summary is for a preview (Pulumi: `isPreview`). */
  isPreview?: boolean;
}

export type CancelEvent = Record<string, never>;

export interface StdoutEvent {
  message: string;
  color: string;
}

/** One engine event; exactly one payload field is set. */
export interface EngineEvent {
  sequence: number;
  /** Unix seconds. */
  timestamp: number;
  cancelEvent?: CancelEvent;
  stdoutEvent?: StdoutEvent;
  diagnosticEvent?: DiagnosticEvent;
  preludeEvent?: PreludeEvent;
  summaryEvent?: SummaryEvent;
  resourcePreEvent?: ResourcePreEvent;
  resOutputsEvent?: ResOutputsEvent;
  resOpFailedEvent?: ResOpFailedEvent;
  policyEvent?: PolicyEvent;
}

/** Receives events in order; must not throw. */
export type EngineEventSink = (event: EngineEvent) => void;

/** The payload part of an event, before `sequence`/`timestamp` are stamped. */
export type EngineEventPayload = Omit<EngineEvent, "sequence" | "timestamp">;

/** Wraps a sink so callers emit payloads and get sequence numbers and timestamps stamped in order. */
export function createEventEmitter(sink: EngineEventSink): (payload: EngineEventPayload) => void {
  let sequence = 0;
  return (payload) => sink({ sequence: sequence++, timestamp: Math.floor(Date.now() / 1000), ...payload });
}
