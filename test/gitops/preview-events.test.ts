import { describe, expect, it } from "vitest";
import type { EngineEvent, EngineEventSink, PolicyEvent, StepEventMetadata } from "../../engine";
import { collectPreviewEvents, pendingChanges } from "../../provider/gitops";
import { urn } from "./fixtures";

let sequence = 0;
const event = (payload: Omit<EngineEvent, "sequence" | "timestamp">): EngineEvent => ({
  sequence: sequence++,
  timestamp: 0,
  ...payload,
});
const pre = (op: StepEventMetadata["op"], name: string, diffs?: string[]) =>
  event({
    resourcePreEvent: {
      metadata: {
        op,
        urn: urn(name),
        type: "pulumi-nodejs:dynamic/idlc:SlackAccount",
        provider: "",
        ...(diffs ? { diffs } : {}),
      },
      planning: true,
    },
  });
const policy = (p: Partial<PolicyEvent>) =>
  event({
    policyEvent: {
      policyPackName: "idlc-identity",
      policyPackVersion: "0.1.0",
      policyPackVersionTag: "0.1.0",
      color: "never",
      policyName: "separation-of-duties",
      enforcementLevel: "mandatory",
      message: "m",
      ...p,
    },
  });

describe("collectPreviewEvents", () => {
  it("is an engine event sink", () => {
    // Compile-time: the collector plugs into runOperation's onEvent as it is.
    const sink: EngineEventSink = collectPreviewEvents().onEvent;
    expect(typeof sink).toBe("function");
  });

  it("turns engine events into the comment's policy and resources inputs", () => {
    const c = collectPreviewEvents();
    [
      pre("same", "slack/E001"),
      pre("update", "slack/E025", ["groups"]),
      pre("create-replacement", "google/E024"),
      pre("replace", "google/E024", ["userName"]),
      pre("delete-replaced", "google/E024"),
      policy({ resourceUrn: urn("slack/E025"), message: "Ava must not hold both." }),
      policy({ resourceUrn: urn("slack/E025"), message: "Ava must not hold both." }),
      policy({ policyName: "naming-conventions", enforcementLevel: "warning", message: "rename" }),
      event({ diagnosticEvent: { severity: "info", message: "hello\n", color: "never" } }),
      event({
        summaryEvent: {
          maybeCorrupt: false,
          durationSeconds: 3,
          resourceChanges: { same: 1, update: 1, replace: 1 },
          policyPacks: { "idlc-identity": "0.1.0" },
        },
      }),
    ].forEach(c.onEvent);
    const r = c.result();
    expect(r.resources.steps.map((s) => [s.op, s.urn.split("::").pop(), s.diffs])).toEqual([
      ["same", "slack/E001", undefined],
      ["update", "slack/E025", ["groups"]],
      ["replace", "google/E024", ["userName"]],
    ]);
    expect(r.resources.changes).toEqual({ same: 1, update: 1, replace: 1 });
    expect(r.policy).toEqual([
      {
        policyPackName: "idlc-identity",
        policyName: "separation-of-duties",
        enforcementLevel: "mandatory",
        message: "Ava must not hold both.",
        resourceUrn: urn("slack/E025"),
      },
      {
        policyPackName: "idlc-identity",
        policyName: "naming-conventions",
        enforcementLevel: "warning",
        message: "rename",
      },
    ]);
    expect(r.policyPacks).toEqual(["idlc-identity"]);
    expect(r.errors).toEqual([]);
  });

  it("without a summary (the run failed early) counts the steps it saw and keeps the errors", () => {
    const c = collectPreviewEvents();
    [
      pre("create", "slack/E071"),
      pre("create", "google/E071"),
      event({
        diagnosticEvent: { severity: "error", message: "the stack's inputs have 1 error(s)\n", color: "never" },
      }),
    ].forEach(c.onEvent);
    const r = c.result();
    expect(r.resources.changes).toEqual({ create: 2 });
    expect(r.policyPacks).toBeUndefined();
    expect(r.errors).toEqual(["the stack's inputs have 1 error(s)"]);
  });

  it("counts pending changes for --expect-no-changes: everything but `same`", () => {
    expect(pendingChanges({ same: 40 })).toBe(0);
    expect(pendingChanges({})).toBe(0);
    expect(pendingChanges({ same: 40, update: 2, delete: 1 })).toBe(3);
  });
});
