/**
 * An `up` whose gate judges the update's own plan, in one program run (`RunOperationOptions.planInRun`; idlc's kill
 * switch). The usual `up` runs the program twice — a preview for the gate, then the update — and so starts the
 * program and the provider host twice. Here the update's steps are planned as in any update, but every provider call
 * that would change something waits at its journal `begin` until each URN of `planInRun` has been planned; then
 * `beforeApply` judges that plan. Refused — or a registration failing or the program logging an error before the
 * verdict — no such call runs, no history is written, and the run's events stay unshown (as a refused preview's).
 * Only for targets the program declares and that wait on nothing among themselves: a step held at the gate is a
 * registration the program awaits, so a target declared after another one's answer would never arrive (the watchdog
 * then refuses, fail closed).
 */
import type { PolicyHook } from "../deploy/context";
import type { EngineEventPayload } from "../events";
import { deploy, type DeployOutcome } from "./deploy";
import type { PreparedStack } from "./prepare";
import type { UpdateJournal } from "./session";
import type { PlanSummary } from "./types";
import { finishing, type UpdateOptions } from "./update";

/** How long a change waits at the gate for a further target to be planned before the gate refuses. */
const PLAN_STALL_MS = 30_000;

/**
 * @returns the update's outcome, or "refused" when `judge` said no (nothing applied, no history written).
 */
export async function gatedUpdate(
  prepared: PreparedStack,
  started: number,
  opts: UpdateOptions,
  policy: PolicyHook | undefined,
  expected: readonly string[],
  judge: (plan: PlanSummary) => boolean | Promise<boolean>,
): Promise<DeployOutcome | "refused"> {
  const gate = planGate(expected, judge, opts.emit);
  const start = () => prepared.session.startUpdate("update", prepared.secrets.secretsProviders);
  const journal = heldJournal(start, gate);
  try {
    const outcome = await finishing(
      journal,
      prepared,
      started,
      () => deploy(prepared, { ...opts, emit: gate.emit }, journal, policy),
      opts.historyEnvironment,
    );
    return gate.refused() ? "refused" : outcome;
  } finally {
    gate.close();
  }
}

interface PlanGate {
  /** The run's events: held until the verdict, then shown (passed), dropped (refused) or only diagnostics (failed). */
  emit: (e: EngineEventPayload) => void;
  /** Resolves once the plan passed; throws why not otherwise. */
  passed: () => Promise<void>;
  /** Judges the plan as it stands if no verdict was reached yet (the run ended with nothing held); true if passed. */
  settle: () => Promise<boolean>;
  refused: () => boolean;
  close: () => void;
}

function planGate(
  expected: readonly string[],
  judge: (plan: PlanSummary) => boolean | Promise<boolean>,
  emit: (e: EngineEventPayload) => void,
): PlanGate {
  const unplanned = new Set(expected);
  const plan: PlanSummary = { resourceChanges: {}, steps: [] };
  const heldEvents: EngineEventPayload[] = [];
  /** Replacements whose delete the plan holds ahead of its own event. */
  const replacing = new Set<string>();
  let verdict: { ok: boolean; byGate: boolean; error?: Error } | undefined;
  let judging = false;
  let waiting = 0;
  let stall: NodeJS.Timeout | undefined;
  let resolve!: () => void;
  const decided = new Promise<void>((r) => (resolve = r));

  const conclude = (ok: boolean, byGate: boolean, error?: Error) => {
    if (verdict) return;
    verdict = { ok, byGate, error };
    clearTimeout(stall);
    // A refused plan is not shown; a plan that failed shows why, as a failed preview's diagnostics are shown.
    for (const e of heldEvents.splice(0)) if (ok || (!byGate && isDiagnostic(e))) emit(e);
    resolve();
  };
  const judgeNow = () => {
    if (judging || verdict) return;
    judging = true;
    void Promise.resolve()
      .then(() => judge(plan))
      .then(
        (ok) => conclude(ok, true, ok ? undefined : new Error("not applied: the plan was refused before any change")),
        (err: Error) => conclude(false, false, err),
      );
  };
  const armStall = () => {
    if (verdict || waiting === 0) return;
    clearTimeout(stall);
    stall = setTimeout(() => {
      const missing = [...unplanned].join(", ");
      const message = `the plan did not complete: ${missing} not planned within ${PLAN_STALL_MS / 1000} s; nothing was applied`;
      conclude(false, false, new Error(message));
    }, PLAN_STALL_MS);
  };

  return {
    emit(e) {
      if (verdict) {
        if (verdict.ok || (!verdict.byGate && isDiagnostic(e))) emit(e);
        return;
      }
      heldEvents.push(e);
      const m = e.resourcePreEvent?.metadata;
      if (m) {
        plan.resourceChanges[m.op] = (plan.resourceChanges[m.op] ?? 0) + 1;
        const step = (op: typeof m.op) => ({
          op,
          urn: m.urn,
          type: m.type,
          old: m.old && { inputs: m.old.inputs },
          new: op === "delete-replaced" ? undefined : m.new && { inputs: m.new.inputs },
        });
        // A create-before-delete replacement deletes the old resource only after the program has finished, long
        // after the verdict: the judged plan holds that delete now, as a preview's does (a kill must never delete
        // unjudged). A delete-before-replace announces its own delete next; it is not counted twice.
        const heldAhead = m.op === "delete-replaced" && replacing.delete(m.urn);
        if (m.op !== "same" && !heldAhead) plan.steps.push(step(m.op));
        if (m.op === "replace") {
          plan.steps.push(step("delete-replaced"));
          replacing.add(m.urn);
        }
        if (unplanned.delete(m.urn)) armStall();
        if (unplanned.size === 0) judgeNow();
      }
      // A registration that failed, or the program's own error, before the verdict: the plan is not whole.
      if (e.diagnosticEvent?.severity === "error") conclude(false, false, new Error(e.diagnosticEvent.message.trim()));
    },
    async passed() {
      waiting++;
      armStall();
      await decided;
      waiting--;
      if (!verdict!.ok) throw verdict!.error ?? new Error("not applied: the plan did not pass");
    },
    async settle() {
      judgeNow();
      await decided;
      return verdict!.ok;
    },
    refused: () => !!verdict && !verdict.ok && verdict.byGate,
    close: () => clearTimeout(stall),
  };
}

const isDiagnostic = (e: EngineEventPayload) => !!(e.diagnosticEvent || e.policyEvent);

/**
 * The update's journal, opened only once the plan passed: until then its records wait in order (no change has been
 * made), and a run refused or failed before any change leaves no history, as a refused or failed preview does.
 */
function heldJournal(start: () => Promise<UpdateJournal>, gate: PlanGate): UpdateJournal {
  const waiting: Array<(j: UpdateJournal) => unknown> = [];
  let real: UpdateJournal | undefined;
  let opening: Promise<UpdateJournal> | undefined;
  const open = () =>
    (opening ??= start().then((j) => {
      for (const record of waiting.splice(0)) record(j);
      real = j;
      return j;
    }));
  const record = (f: (j: UpdateJournal) => unknown) => void (real ? f(real) : waiting.push(f));
  return {
    async begin(pending) {
      await gate.passed();
      return (await open()).begin(pending);
    },
    end: (opId) => record((j) => j.end(opId)),
    upsert: (r) => record((j) => j.upsert(r)),
    same: (urn) => record((j) => j.same(urn)),
    remove: (urn, options) => record((j) => j.remove(urn, options)),
    async finish(info) {
      if (!opening && (info.result === "failed" || !(await gate.settle()))) return undefined;
      return (await open()).finish(info);
    },
  };
}
