import { describe, expect, it } from "vitest";
import {
  diffLabel,
  formatDuration,
  formatStepLine,
  formatSummary,
  formatValue,
  propertyDiffLines,
  stepStatus,
  valueAtPath,
} from "../../../engine/output";
import { meta, SLACK_TYPE, slackUrn, STACK } from "./events";

describe("formatValue", () => {
  it.each([
    ["text", '"text"'],
    ["[secret]", "[secret]"],
    ["[unknown]", "[unknown]"],
    [42, "42"],
    [true, "true"],
    [null, "null"],
    [["a", "[secret]"], '["a", [secret]]'],
    [{ k: "v", n: { x: 1 } }, '{k: "v", n: {x: 1}}'],
  ])("%j → %s", (value, text) => expect(formatValue(value)).toBe(text));
});

describe("valueAtPath", () => {
  const bag = { a: { b: [10, 20] }, "x.y": 1 };
  it.each([
    ["a.b[1]", 20],
    ['["x.y"]', 1],
    ["a.c", undefined],
    ["a.b[0].z", undefined],
  ])("%s", (path, value) => expect(valueAtPath(bag, path)).toBe(value));
});

describe("stepStatus", () => {
  it.each([
    ["create", "planned", "create"],
    ["create", "running", "creating"],
    ["create", "done", "created"],
    ["update", "failed", "updating failed"],
    ["replace", "running", "replacing"],
    ["delete-replaced", "done", "deleted original"],
    ["same", "done", ""],
    ["refresh", "running", "refreshing"],
  ] as const)("%s %s → %s", (op, phase, text) => expect(stepStatus(op, phase)).toBe(text));
});

describe("formatStepLine and diffLabel", () => {
  it.each([
    [
      meta("create", slackUrn("E001"), SLACK_TYPE, undefined, { title: "A" }),
      "running",
      "+ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E001 creating",
    ],
    [
      meta("update", slackUrn("E002"), SLACK_TYPE, { title: "A" }, { title: "B" }, { diffs: ["title"] }),
      "running",
      "~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E002 updating [diff: ~title]",
    ],
    [
      meta("update", slackUrn("E002"), SLACK_TYPE, { title: "A" }, { title: "B" }, { diffs: ["title"] }),
      "done",
      "~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E002 updated",
    ],
    [
      meta(
        "update",
        slackUrn("E3"),
        SLACK_TYPE,
        { a: 1, gone: 1, __provider: "x" },
        { a: 2, added: 1, __provider: "y" },
        { diffs: ["a", "gone", "added", "__provider"] },
      ),
      "planned",
      "~ pulumi-nodejs:dynamic/idlc:SlackAccount slack/E3 update [diff: +added-gone~a]",
    ],
    [
      meta(
        "replace",
        slackUrn("E4"),
        SLACK_TYPE,
        { userName: "a" },
        { userName: "b" },
        { detailedDiff: { userName: { kind: "update-replace", inputDiff: true } } },
      ),
      "planned",
      "+- pulumi-nodejs:dynamic/idlc:SlackAccount slack/E4 replace [diff: ~userName]",
    ],
    [
      meta("delete", slackUrn("E5"), SLACK_TYPE, { a: 1 }),
      "running",
      "- pulumi-nodejs:dynamic/idlc:SlackAccount slack/E5 deleting",
    ],
  ] as const)("%#", (m, phase, line) => expect(formatStepLine(m, phase)).toBe(line));

  it("is empty without changes", () => expect(diffLabel(meta("same", STACK, "pulumi:pulumi:Stack", {}, {}))).toBe(""));
});

describe("propertyDiffLines", () => {
  it.each([
    [
      meta(
        "update",
        slackUrn("E1"),
        SLACK_TYPE,
        { title: "A", groups: ["x"] },
        { title: "B", groups: ["x"] },
        { diffs: ["title"] },
      ),
      ['~ title: "A" => "B"'],
    ],
    [
      meta("update", slackUrn("E1"), SLACK_TYPE, { token: "[secret]" }, { token: "[secret]" }, { diffs: ["token"] }),
      ["~ token: [secret] => [secret]"],
    ],
    [
      meta("update", slackUrn("E1"), SLACK_TYPE, { a: 1, __provider: "p1" }, { b: "[unknown]", __provider: "p2" }),
      ["- a: 1", "+ b: [unknown]"],
    ],
    [
      meta(
        "replace",
        slackUrn("E1"),
        SLACK_TYPE,
        { user: { name: "a" } },
        { user: { name: "b" } },
        { keys: ["user"], detailedDiff: { "user.name": { kind: "update-replace", inputDiff: true } } },
      ),
      ['~ user.name: "a" => "b" (replace)'],
    ],
    [meta("create", slackUrn("E1"), SLACK_TYPE, undefined, { a: 1 }), []],
  ])("%#", (m, lines) => expect(propertyDiffLines(m)).toEqual(lines));
});

describe("formatSummary", () => {
  it.each([
    [
      { create: 3, update: 1, same: 5 },
      true,
      2,
      ["Resources:", "    + 3 to create", "    ~ 1 to update", "    4 changes. 5 unchanged", "", "Duration: 2s"],
    ],
    [{ create: 3, same: 5 }, false, 65.4, ["Resources:", "    + 3 created", "    5 unchanged", "", "Duration: 1m5s"]],
    [
      { delete: 2, replace: 1 },
      false,
      3700,
      ["Resources:", "    - 2 deleted", "    +- 1 replaced", "    3 changes", "", "Duration: 1h1m40s"],
    ],
    [{ same: 7 }, true, 0.4, ["Resources:", "    7 unchanged", "", "Duration: 0s"]],
  ])("%j preview=%s", (changes, isPreview, seconds, lines) => {
    expect(
      formatSummary({
        resourceChanges: changes,
        isPreview,
        durationSeconds: seconds,
        maybeCorrupt: false,
        policyPacks: {},
      }),
    ).toEqual(lines);
  });
  it.each([
    [0, "0s"],
    [59.6, "1m0s"],
    [3600, "1h0m0s"],
  ])("formatDuration(%d) = %s", (s, text) => expect(formatDuration(s)).toBe(text));
});
