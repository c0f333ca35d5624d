import { describe, expect, it } from "vitest";
import { cutoffUrns } from "../../../cli/identity/cutoffs";
import { fixFor, outcomeLog } from "../../../cli/identity/outcome";

const type = (app: string, kind = "Account") => `pulumi-nodejs:dynamic/idlc:${app}${kind}`;
const urn = (name: string) => `urn:pulumi:demo::identity::idlc:index:IdentityStack$x::${name}`;
const inputs = (enabled: boolean, lifecycle: string) => ({ inputs: { enabled, lifecycle } });

describe("cutoffUrns", () => {
  it("picks the updates that take an enabled account to a cutoff, and nothing else", () => {
    const steps = [
      {
        op: "update",
        urn: urn("slack/E1"),
        type: type("Slack"),
        old: inputs(true, "active"),
        new: inputs(false, "terminated"),
      },
      {
        op: "update",
        urn: urn("google/E2"),
        type: type("Google"),
        old: inputs(true, "active"),
        new: inputs(false, "leave"),
      },
      { op: "create", urn: urn("slack/E3"), type: type("Slack"), new: inputs(false, "pre-hire") },
      {
        op: "update",
        urn: urn("slack/E4"),
        type: type("Slack"),
        old: inputs(true, "active"),
        new: inputs(true, "active"),
      },
      {
        op: "update",
        urn: urn("slack/E5"),
        type: type("Slack"),
        old: inputs(false, "terminated"),
        new: inputs(false, "terminated"),
      },
      {
        op: "update",
        urn: urn("slack/E6"),
        type: type("Slack"),
        old: inputs(true, "pre-hire"),
        new: inputs(false, "pre-hire"),
      },
      {
        op: "update",
        urn: urn("slack/groups/x"),
        type: type("Slack", "Group"),
        old: inputs(true, "active"),
        new: inputs(false, "terminated"),
      },
    ];
    expect(cutoffUrns(steps)).toEqual([urn("slack/E1"), urn("google/E2")]);
  });
});

describe("the per-person summary of an up", () => {
  const event = (severity: string, name: string, message: string) =>
    ({
      sequence: 0,
      timestamp: 0,
      diagnosticEvent: { urn: urn(name), message: `${message}\n`, color: "raw", severity },
    }) as never;

  it("names each failure with the app's answer and its fix, each skipped step, and counts people", () => {
    const log = outcomeLog();
    log.planned([
      { urn: urn("google/E1002") },
      { urn: urn("slack/E1002") },
      { urn: urn("slack/E1003") },
      { urn: urn("ldap/E1004") },
    ]);
    log.onEvent(
      event(
        "error",
        "google/E1002",
        "update failed: google: PUT /users/42 failed (HTTP 400): Invalid Input: familyName",
      ),
    );
    log.onEvent(event("warning", "slack/E1002", "skipped: it depends on google/E1002, which failed or was skipped"));
    log.onEvent(event("info", "slack/E1003", "a note"));
    expect(log.summary().split("\n")).toEqual([
      "1 person not updated, 2 applied; every other change went through:",
      "  E1002 google: update failed: google: PUT /users/42 failed (HTTP 400): Invalid Input: familyName — fix: The app rejected the request body; the detail above names the attribute to correct.",
      "  E1002 slack: skipped: it depends on google/E1002, which failed or was skipped",
      "Fix the cause above (in the HR export, the roles or the app) and run `idlc up` again: it converges from here.",
    ]);
  });

  it("says nothing when nothing failed, and gives generic advice for an answer without an HTTP status", () => {
    expect(outcomeLog().summary()).toBe("");
    expect(fixFor("ldap: Constraint violation")).toContain("run `idlc up` again");
    expect(fixFor("slack: GET /Users failed (HTTP 503)")).toContain("did not answer properly");
  });
});
