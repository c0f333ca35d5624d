/**
 * What an identity `up` did, per person: every failed step with the app's message and a fix, every step skipped
 * because it waited on a failed one, and how many people were fully updated. Built from the engine's events, so it
 * sees both updates of an `up` (cutoffs first, then the rest) and says exactly what a person must look at.
 */
import type { EngineEvent } from "../../engine";
import { fixForStatus } from "../../provider/net";
import { employeeIdOf } from "../../provider/stack-plan/names";

interface Problem {
  name: string;
  kind: "failed" | "skipped";
  message: string;
}

export interface OutcomeLog {
  onEvent(event: EngineEvent): void;
  /** Remembers the planned steps (the gate's plan): who this `up` set out to change. */
  planned(steps: ReadonlyArray<{ urn: string }>): void;
  /** The per-person summary, or "" when nothing failed. */
  summary(): string;
}

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;

export function outcomeLog(): OutcomeLog {
  const problems = new Map<string, Problem>();
  const planned = new Set<string>();
  return {
    onEvent(e) {
      const d = e.diagnosticEvent;
      if (!d?.urn) return;
      const message = d.message.trim();
      const name = nameOf(d.urn);
      const skipped = d.severity === "warning" && message.startsWith("skipped:");
      if (d.severity === "error" && !problems.has(d.urn)) problems.set(d.urn, { name, kind: "failed", message });
      if (skipped) problems.set(d.urn, { name, kind: "skipped", message });
    },
    planned(steps) {
      for (const s of steps) planned.add(nameOf(s.urn));
    },
    summary() {
      return summarize([...problems.values()], planned);
    },
  };
}

/** `E1002 google: update failed: … — fix: …` lines, then `1 person not updated, 38 applied`. */
export function summarize(problems: readonly Problem[], planned: ReadonlySet<string>): string {
  if (problems.length === 0) return "";
  const owner = (name: string) => employeeIdOf(name);
  const notUpdated = new Set(problems.map((p) => owner(p.name)).filter((id): id is string => Boolean(id)));
  const applied = new Set([...planned].map(owner).filter((id): id is string => Boolean(id) && !notUpdated.has(id!)));
  const lines = [...problems]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const id = owner(p.name);
      const where = id ? `${id} ${p.name.slice(0, -id.length - 1)}` : p.name;
      return p.kind === "failed" ? `  ${where}: ${p.message} — fix: ${fixFor(p.message)}` : `  ${where}: ${p.message}`;
    });
  const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
  return [
    `${people(notUpdated.size)} not updated, ${applied.size} applied; every other change went through:`,
    ...lines,
    "Fix the cause above (in the HR export, the roles or the app) and run `idlc up` again: it converges from here.",
  ].join("\n");
}

/** The fix for an app's answer: by its HTTP status when the message carries one, else the generic advice. */
export function fixFor(message: string): string {
  const status = /\(HTTP (\d{3})\)/.exec(message)?.[1];
  if (status) return fixForStatus(Number(status));
  return "correct the cause named in the message, then run `idlc up` again.";
}
