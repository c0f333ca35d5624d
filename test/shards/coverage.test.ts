import { describe, expect, it } from "vitest";
import type { ShardSettings } from "../../provider/config";
import { applyPhases, checkCoverage, deploymentAppKeys, type ShardMember } from "../../provider/shards";

const KEYS = ["entra", "google", "slack", "scim:github", "ldap"];
const member = (stack: string, shard: Omit<ShardSettings, "deployment" | "base">, base = "prod"): ShardMember => ({
  stack,
  file: `stacks/Pulumi.${stack}.yaml`,
  shard: { deployment: "prod", base, ...shard },
});
const valid = [
  member("prod-dirs", { apps: ["entra", "google", "ldap"] }),
  member("prod-apps-0", { apps: ["slack", "scim"], bucket: 0, buckets: 2 }),
  member("prod-apps-1", { apps: ["slack", "scim"], bucket: 1, buckets: 2 }),
];
const messages = (members: ShardMember[]) => checkCoverage("prod", members, KEYS).map((i) => i.message);
const isDirectory = (app: string) => app === "entra" || app === "google";

describe("deploymentAppKeys", () => {
  it("spells SCIM out per instance, as budgets and policies name apps", () => {
    expect(
      deploymentAppKeys({ "identity:apps": ["entra", "scim", "slack"], "identity:scim": { jira: {}, github: {} } }),
    ).toEqual(["entra", "scim:github", "scim:jira", "slack"]);
  });
});

describe("checkCoverage", () => {
  it("accepts shards holding every (person, app) exactly once", () => {
    expect(messages(valid)).toEqual([]);
  });

  it.each([
    [
      "a missing bucket",
      [valid[0]!, valid[1]!],
      [/no shard holds slack for people bucket 1 of 2/, /no shard holds scim:github for people bucket 1 of 2/],
    ],
    [
      "an app nobody holds",
      [valid[1]!, valid[2]!],
      [/no shard holds entra/, /no shard holds google/, /no shard holds ldap/],
    ],
    [
      "two shards for the same people",
      [...valid, member("prod-slack", { apps: ["slack"] })],
      [/slack is held by prod-apps-0, prod-apps-1, prod-slack for the same people/],
    ],
    [
      "a bucket held twice",
      [...valid, member("prod-apps-1b", { apps: ["scim:github"], bucket: 1, buckets: 2 })],
      [/scim:github people bucket 1 is held by prod-apps-1, prod-apps-1b/],
    ],
    [
      "different bucket counts",
      [valid[0]!, valid[1]!, member("prod-apps-x", { apps: ["slack", "scim"], bucket: 1, buckets: 3 })],
      [/slack is split by different bucket counts \(2, 3\)/, /scim:github is split by different bucket counts/],
    ],
    [
      "an app the base does not list",
      [...valid, member("prod-jira", { apps: ["scim:jira"] })],
      [/prod-jira holds scim:jira, which the base stack prod does not list/],
    ],
    [
      "siblings naming different bases",
      [valid[0]!, valid[1]!, member("prod-apps-1", { apps: ["slack", "scim"], bucket: 1, buckets: 2 }, "prod-old")],
      [/name different bases \(prod, prod-old\)/],
    ],
  ])("refuses %s", (_, members, expected) => {
    const found = messages(members as ShardMember[]);
    expect(found).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(found[i]).toMatch(re));
  });

  it("refuses an empty deployment with the command that writes one", () => {
    expect(checkCoverage("prod", [], KEYS)[0]?.fix).toMatch(/idlc shards plan/);
  });
});

describe("applyPhases", () => {
  it("applies directory shards first, then the group owner of each app, then its other buckets", () => {
    expect(applyPhases(valid, KEYS, isDirectory)).toEqual([["prod-dirs"], ["prod-apps-0"], ["prod-apps-1"]]);
  });

  it("runs shards with disjoint people side by side", () => {
    const split = [0, 1, 2].flatMap((b) => [
      member(`d-${b}`, { apps: ["entra", "google"], bucket: b, buckets: 3 }),
      member(`a-${b}`, { apps: ["slack", "scim", "ldap"], bucket: b, buckets: 3 }),
    ]);
    // Bucket 0 of each set owns the groups; each app bucket waits only for the directories of its own people.
    expect(applyPhases(split, KEYS, isDirectory)).toEqual([["d-0"], ["a-0", "d-1", "d-2"], ["a-1", "a-2"]]);
  });
});
