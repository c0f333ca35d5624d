import { describe, expect, it } from "vitest";
import { appOf, newProgress, progressLines, track } from "../../../engine/output";
import { ev, meta, SLACK_TYPE, slackUrn, STACK } from "./events";

const GOOGLE_TYPE = "pulumi-nodejs:dynamic/idlc:GoogleAccount";
const googleUrn = (id: string) => `urn:pulumi:dev::identity::${GOOGLE_TYPE}::google/${id}`;
const scimUrn = (id: string) => `urn:pulumi:dev::identity::pulumi-nodejs:dynamic/idlc:ScimAccount::scim:github/${id}`;

describe("appOf", () => {
  it.each([
    [slackUrn("E1"), "slack"],
    [scimUrn("E1"), "scim:github"],
    [STACK, "other"],
  ])("%s → %s", (urn, app) => expect(appOf(urn)).toBe(app));
});

describe("progress per app", () => {
  it("counts done / reached, changes, failures and what is in flight for how long", () => {
    const p = newProgress(0);
    const create = (urn: string) => meta("create", urn, SLACK_TYPE, undefined, {});
    track(p, ev({ resourcePreEvent: { metadata: meta("same", STACK, "pulumi:pulumi:Stack", {}, {}) } }), 0);
    for (const id of ["E1", "E2", "E3"]) track(p, ev({ resourcePreEvent: { metadata: create(slackUrn(id)) } }), 1_000);
    track(p, ev({ resourcePreEvent: { metadata: meta("same", googleUrn("E1"), GOOGLE_TYPE, {}, {}) } }), 1_000);
    track(p, ev({ resOutputsEvent: { metadata: create(slackUrn("E1")) } }), 2_000);
    track(p, ev({ resOpFailedEvent: { metadata: create(slackUrn("E2")), status: 1, steps: 1 } }), 2_000);
    track(p, ev({ resOutputsEvent: { metadata: meta("same", googleUrn("E1"), GOOGLE_TYPE, {}, {}) } }), 2_000);
    track(
      p,
      ev({
        diagnosticEvent: {
          urn: slackUrn("E3"),
          message: "waiting 4s on the rate limit (600/min)\n",
          color: "raw",
          severity: "info",
          ephemeral: true,
        },
      }),
      3_000,
    );
    expect(progressLines(p, 64_000, 200)).toEqual([
      "1m4s elapsed · 3/4 resources",
      "google  ████████████████████  1/1",
      "slack   █████████████░░░░░░░  2/3  +3  1 failed  waiting 4s on the rate limit (600/min)  1 running (oldest 1m3s)",
    ]);
  });

  it("in a preview, planned steps are done as soon as they are planned and nothing is in flight", () => {
    const p = newProgress(0);
    const m = meta("update", slackUrn("E1"), SLACK_TYPE, { title: "A" }, { title: "B" });
    track(p, ev({ resourcePreEvent: { metadata: m, planning: true } }), 0);
    track(p, ev({ resOutputsEvent: { metadata: m, planning: true } }), 0);
    expect(progressLines(p, 0, 200)[1]).toBe("slack  ████████████████████  1/1  ~1");
  });

  it("an empty status ends the wait of the resource that showed it, not another resource's", () => {
    const p = newProgress(0);
    const status = (id: string, message: string) =>
      track(
        p,
        ev({ diagnosticEvent: { urn: slackUrn(id), message, color: "raw", severity: "info", ephemeral: true } }),
        0,
      );
    const slackLine = () => progressLines(p, 0, 200)[1];
    track(p, ev({ resourcePreEvent: { metadata: meta("create", slackUrn("E1"), SLACK_TYPE, undefined, {}) } }), 0);
    status("E1", "waiting 3.0s on slack rate limit (HTTP 429, Retry-After: 3)");
    expect(slackLine()).toContain("waiting 3.0s on slack rate limit (HTTP 429, Retry-After: 3)");
    status("E2", "");
    expect(slackLine()).toContain("waiting 3.0s on slack rate limit");
    status("E1", "");
    expect(slackLine()).not.toContain("waiting");
  });

  it("a non-ephemeral diagnostic is the report's, not a status", () => {
    const p = newProgress(0);
    expect(
      track(
        p,
        ev({ diagnosticEvent: { urn: slackUrn("E1"), message: "Slack said 500", color: "raw", severity: "error" } }),
        0,
      ),
    ).toBe(false);
  });

  it("stays one line per app at any size, cut to the terminal's width", () => {
    const p = newProgress(0);
    for (let i = 0; i < 5_000; i++) {
      const urn = i % 2 ? slackUrn(`E${i}`) : googleUrn(`E${i}`);
      track(p, ev({ resourcePreEvent: { metadata: meta("create", urn, SLACK_TYPE, undefined, {}) } }), i);
      if (i < 1_234) track(p, ev({ resOutputsEvent: { metadata: meta("create", urn, SLACK_TYPE, undefined, {}) } }), i);
    }
    const lines = progressLines(p, 10_000, 60);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("10s elapsed · 1234/5000 resources");
    expect(lines[1]).toBe("google  █████░░░░░░░░░░░░░░░   617/2500  +2500  1883 runnin…");
    expect(lines.every((l) => l.length <= 60)).toBe(true);
  });
});
