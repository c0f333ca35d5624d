/**
 * A step an update could not apply (`up --continue-on-error`) is part of the audit trail: the history entry's
 * environment carries it, a person's timeline shows it as `attempt-failed`, and the metrics list it.
 */
import { describe, expect, it } from "vitest";
import { failedStepsEnvironment } from "../../engine/state";
import {
  auditMetrics,
  buildSnapshots,
  formatMetrics,
  formatTimeline,
  personTimeline,
  updateEnvironment,
  type AuditUpdate,
} from "../../provider/audit";

const urn = (name: string, type: string) =>
  `urn:pulumi:demo::identity::idlc:index:IdentityStack$pulumi-nodejs:dynamic/idlc:${type}::${name}`;
const failed = failedStepsEnvironment([
  { urn: urn("google/E1002", "GoogleAccount"), op: "update", message: "google: PUT /users/42 failed (HTTP 500): oops" },
  { urn: urn("slack/groups/eng", "SlackGroup"), op: "create", message: "slack: POST /Groups failed (HTTP 500)" },
]);

const update = (version: number, result: AuditUpdate["result"], environment: Record<string, string>): AuditUpdate => ({
  version,
  kind: "update",
  result,
  startTime: `2026-12-0${version}T10:00:00.000Z`,
  endTime: `2026-12-0${version}T10:05:00.000Z`,
  message: "",
  environment: updateEnvironment({ "git.head": "abc123", ...environment }),
  resourceChanges: {},
  resources: [],
  source: {},
});

describe("failed attempts in the audit trail", () => {
  const updates = [update(1, "succeeded", {}), update(2, "failed", failed)];

  it("reads them from the history entry, account steps by person and group steps by name", () => {
    expect(updates[0]!.environment.failedSteps).toBeUndefined();
    expect(updates[1]!.environment.failedSteps).toEqual([
      { resource: "google/E1002", op: "update", message: "google: PUT /users/42 failed (HTTP 500): oops" },
      { resource: "slack/groups/eng", op: "create", message: "slack: POST /Groups failed (HTTP 500)" },
    ]);
    expect(updateEnvironment({ "engine.failedSteps": "not json" }).failedSteps).toBeUndefined();
  });

  it("shows the attempt in the person's timeline and in the metrics, with the update that made it", () => {
    const timeline = personTimeline(updates, "E1002");
    const detail = "update: google: PUT /users/42 failed (HTTP 500): oops";
    const update = { version: 2, result: "failed" };
    expect(timeline.events).toMatchObject([{ app: "google", event: "attempt-failed", detail, update }]);
    expect(formatTimeline(timeline)).toContain("attempt-failed update: google: PUT /users/42 failed (HTTP 500)");
    const metrics = auditMetrics(buildSnapshots(updates), { now: "2026-12-05T00:00:00.000Z" });
    expect(metrics.failedAttempts).toMatchObject([
      { employeeId: "E1002", app: "google", op: "update", update: { version: 2 } },
    ]);
    expect(formatMetrics(metrics)).toMatch(
      /failed attempts: 1\n[\s\S]*E1002\s+google\s+update\s+google: PUT \/users\/42/,
    );
  });
});
