import { describe, expect, it } from "vitest";
import { createRenderer, rendererMode } from "../../../engine/output";
import { createTtyRenderer } from "../../../engine/output/renderer-tty";
import type { EngineEvent } from "../../../engine/events";
import { captureStream, ev, meta, SLACK_TYPE, slackUrn, STACK } from "./events";

const WAIT = "waiting 3.0s on slack rate limit (HTTP 429, Retry-After: 3)";

function upEvents(): EngineEvent[] {
  const stackMeta = meta("same", STACK, "pulumi:pulumi:Stack", {}, {});
  const create = meta("create", slackUrn("E001"), SLACK_TYPE, undefined, { title: "Engineer", token: "[secret]" });
  const update = meta("update", slackUrn("E002"), SLACK_TYPE, { title: "A" }, { title: "B" }, { diffs: ["title"] });
  const stackDone = { ...stackMeta, new: { ...stackMeta.new!, outputs: { accounts: 2, adminToken: "[secret]" } } };
  return [
    ev({ preludeEvent: { config: { "identity:slack": "[secret]" } } }),
    ev({ resourcePreEvent: { metadata: stackMeta } }),
    ev({ resourcePreEvent: { metadata: create } }),
    ev({ resourcePreEvent: { metadata: update } }),
    // A provider's live status (a rate-limit wait) and its end: the live view's, never a line of CI output.
    ev({ diagnosticEvent: { urn: slackUrn("E001"), message: WAIT, color: "raw", severity: "info", ephemeral: true } }),
    ev({ diagnosticEvent: { urn: slackUrn("E001"), message: "", color: "raw", severity: "info", ephemeral: true } }),
    ev({ resOutputsEvent: { metadata: create } }),
    ev({
      diagnosticEvent: {
        urn: slackUrn("E002"),
        message: "rate limited, retrying\n",
        color: "never",
        severity: "warning",
      },
    }),
    ev({ diagnosticEvent: { message: "debug noise", color: "never", severity: "debug" } }),
    ev({ resOpFailedEvent: { metadata: update, status: 1, steps: 1 } }),
    ev({ diagnosticEvent: { urn: slackUrn("E002"), message: "Slack said 500", color: "never", severity: "error" } }),
    ev({
      policyEvent: {
        resourceUrn: slackUrn("E001"),
        message: "Contractors must not be workspace admins.",
        color: "never",
        policyName: "contractor-no-admin",
        policyPackName: "idlc-rbac",
        policyPackVersion: "0.1.0",
        policyPackVersionTag: "0.1.0",
        enforcementLevel: "warning",
      },
    }),
    ev({ resOutputsEvent: { metadata: stackDone } }),
    ev({
      summaryEvent: {
        maybeCorrupt: false,
        durationSeconds: 2.2,
        resourceChanges: { create: 1, update: 1, same: 1 },
        policyPacks: {},
      },
    }),
  ];
}

describe("plain renderer", () => {
  it("prints steps, property diffs, diagnostics, policy violations, outputs and the summary like the Pulumi CLI in CI", () => {
    const out = captureStream();
    const r = createRenderer({ mode: "plain", stream: out.stream, showSecrets: false });
    upEvents().forEach((e) => r.onEvent(e));
    r.close();
    expect(out.text()).toBe(
      [
        "+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E001 creating",
        "~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E002 updating [diff: ~title]",
        '    ~ title: "A" => "B"',
        "+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E001 created",
        "~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E002 updating failed [diff: ~title]",
        "",
        "Diagnostics:",
        "  pulumi-nodejs:dynamic/idlc:SlackAccount (slack/E002):",
        "    warning: rate limited, retrying",
        "    error: Slack said 500",
        "",
        "Policy Violations:",
        "    [advisory]  idlc-rbac v0.1.0  contractor-no-admin  (pulumi-nodejs:dynamic/idlc:SlackAccount: slack/E001)",
        "    Contractors must not be workspace admins.",
        "",
        "Outputs:",
        "    accounts: 2",
        "    adminToken: [secret]",
        "",
        "Resources:",
        "    + 1 created",
        "    ~ 1 updated",
        "    2 changes. 1 unchanged",
        "",
        "Duration: 2s",
        "",
      ].join("\n"),
    );
  });

  it("prints one line per planned step in a preview", () => {
    const out = captureStream();
    const r = createRenderer({ mode: "plain", stream: out.stream });
    const create = meta("create", slackUrn("E9"), SLACK_TYPE, undefined, { title: "[unknown]" });
    r.onEvent(ev({ resourcePreEvent: { metadata: create, planning: true } }));
    r.onEvent(ev({ resOutputsEvent: { metadata: create, planning: true } }));
    r.close();
    expect(out.text()).toBe("+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E9 create\n");
  });
});

describe("tty renderer", () => {
  it("redraws one line per app in place, lists failed steps, and ends with the report", async () => {
    const out = captureStream(200);
    let clock = 0;
    const r = createTtyRenderer(out.stream, () => clock);
    const events = upEvents();
    events.slice(0, 4).forEach((e) => r.onEvent(e));
    clock = 1_500;
    await new Promise((resolve) => setTimeout(resolve, 150)); // one throttled redraw
    events.slice(4).forEach((e) => r.onEvent(e));
    clock = 2_000;
    r.close();
    // Colours depend on the environment (picocolors turns them on under CI); the layout is what is judged here.
    const frames = out
      .text()
      .replace(/\x1b\[[0-9;]*m/g, "")
      .split("\r\x1b[2A");
    expect(frames).toHaveLength(2); // the second frame moved up over the 2 lines of the first
    expect(frames[0]).toContain(
      "2s elapsed · 0/2 resources\x1b[K\nslack  ░░░░░░░░░░░░░░░░░░░░  0/2  +1 ~1  2 running\x1b[K\n",
    );
    expect(frames[1]).toContain(
      "2s elapsed · 2/2 resources\x1b[K\nslack  ████████████████████  2/2  +1 ~1  1 failed\x1b[K\n",
    );
    expect(frames[1]).toContain("~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E002 updating failed [diff: ~title]");
    expect(frames[1]).toContain("Resources:\n    + 1 created\n    ~ 1 updated\n    2 changes. 1 unchanged");
  });
});

describe("renderer mode", () => {
  it.each([
    [{ json: true, stream: { isTTY: true }, env: {} }, "json"],
    [{ stream: { isTTY: true }, env: {} }, "tty"],
    [{ stream: { isTTY: true }, env: { CI: "true" } }, "plain"],
    [{ stream: { isTTY: false }, env: {} }, "plain"],
  ])("%j → %s", (options, mode) => expect(rendererMode(options)).toBe(mode));
});

describe("json renderer", () => {
  it("writes one JSON event per line, unchanged", () => {
    const out = captureStream();
    const r = createRenderer({ mode: "json", stream: out.stream });
    const events = upEvents();
    events.forEach((e) => r.onEvent(e));
    r.close();
    expect(
      out
        .text()
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(events);
  });
});
