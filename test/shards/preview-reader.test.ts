/**
 * What a deployment keeps of a shard's `preview --json` stream: every step's op, URN, type, diffs and inputs (what
 * the deployment-wide judgement and the merged comment read), never the dynamic provider's text repeated per step.
 */
import { describe, expect, it } from "vitest";
import { previewReader } from "../../cli/identity/deployment-merge";

const provider = "exports.handler = " + "x".repeat(10_000);
const state = (enabled: boolean) => ({
  type: "pulumi-nodejs:dynamic/idlc:SlackAccount",
  urn: "urn:pulumi:s::identity::pulumi-nodejs:dynamic/idlc:SlackAccount::slack/E1",
  inputs: { spec: { employeeId: "E1", enabled }, __provider: provider },
  outputs: { spec: { employeeId: "E1", enabled }, __provider: provider, id: "U1" },
});
const step = {
  op: "update",
  urn: state(true).urn,
  type: state(true).type,
  old: state(true),
  new: state(false),
  diffs: ["spec"],
  detailedDiff: { spec: { kind: "update", inputDiff: true } },
};
const lines = [
  "not json: a stray line",
  JSON.stringify({ preludeEvent: { config: {} } }),
  JSON.stringify({ resourcePreEvent: { metadata: step, planning: true } }),
  JSON.stringify({ resOutputsEvent: { metadata: step, planning: true } }),
  JSON.stringify({ resourcePreEvent: { metadata: { op: "create", urn: "urn:x", type: "t", new: state(true) } } }),
  JSON.stringify({
    policyEvent: { policyPackName: "idlc", policyName: "p", enforcementLevel: "mandatory", message: "m" },
  }),
  JSON.stringify({ diagnosticEvent: { severity: "error", message: "boom\n" } }),
  JSON.stringify({ summaryEvent: { resourceChanges: { update: 1, create: 1 } } }),
];

describe("previewReader", () => {
  const reader = previewReader("demo-apps-0");
  for (const line of lines) reader.line(line);
  const read = reader.result();

  it("keeps each step's op, URN, type and both sides' inputs, without __provider", () => {
    expect(read.stack).toBe("demo-apps-0");
    expect(read.steps).toEqual([
      {
        op: "update",
        urn: step.urn,
        type: step.type,
        old: { inputs: { spec: { employeeId: "E1", enabled: true } } },
        new: { inputs: { spec: { employeeId: "E1", enabled: false } } },
      },
      { op: "create", urn: "urn:x", type: "t", new: { inputs: { spec: { employeeId: "E1", enabled: true } } } },
    ]);
  });

  it("keeps the events the merged comment reads, and nothing that carries the provider text", () => {
    expect(read.events.map((e) => Object.keys(e)[0])).toEqual([
      "resourcePreEvent",
      "resourcePreEvent",
      "policyEvent",
      "diagnosticEvent",
      "summaryEvent",
    ]);
    expect(read.events[0]).toEqual({
      resourcePreEvent: { metadata: { op: "update", urn: step.urn, type: step.type, diffs: ["spec"] } },
    });
    expect(JSON.stringify(read)).not.toContain("exports.handler");
  });
});
