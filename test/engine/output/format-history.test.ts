import { describe, expect, it } from "vitest";
import { formatChanges, formatHistory, type HistoryEntry } from "../../../engine/output";

describe("formatChanges", () => {
  it.each([
    [{ create: 3, update: 1, same: 5 }, "+3 ~1 =5"],
    [{ delete: 2, replace: 1 }, "-2 +-1"],
    [{}, "no changes"],
    [undefined, "no changes"],
  ])("%j → %s", (changes, text) => expect(formatChanges(changes)).toBe(text));
});

describe("formatHistory", () => {
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    kind: "update",
    result: "succeeded",
    startTime: 1_795_600_000,
    endTime: 1_795_600_065,
    message: "",
    environment: {},
    ...over,
  });
  it("numbers from the oldest and shows changes, git and CI", () => {
    const lines = formatHistory([
      entry({ kind: "destroy", result: "failed", message: "interrupted", environment: null }),
      entry({
        resourceChanges: { create: 2 },
        environment: {
          "git.head": "abcdef0123456789",
          "git.headName": "refs/heads/main",
          "git.author": "Ada",
          "git.author.email": "ada@x",
          "git.dirty": "true",
          "ci.system": "GitLab CI/CD",
          "ci.build.url": "https://gl/1",
        },
      }),
    ]);
    expect(lines).toEqual([
      "#2 destroy failed  2026-11-25T09:46:40Z  (1m5s)",
      "    changes: no changes",
      "    message: interrupted",
      "#1 update succeeded  2026-11-25T09:46:40Z  (1m5s)",
      "    changes: +2",
      "    git: abcdef012345 main by Ada <ada@x> (dirty)",
      "    ci: GitLab CI/CD https://gl/1",
    ]);
  });
});
