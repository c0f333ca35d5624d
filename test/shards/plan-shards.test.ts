import { describe, expect, it } from "vitest";
import { checkCoverage, deploymentAppKeys, planShards, type ShardMember } from "../../provider/shards";
import { ShardSettings } from "../../provider/config";

const baseRaw = {
  "identity:hr": { file: "prod/people.csv" },
  "identity:apps": ["entra", "google", "slack", "scim", "ldap"],
  "identity:entra": { tenantId: "t", clientSecret: { secure: "AAA" } },
  "identity:google": { customer: "c" },
  "identity:slack": { token: { secure: "BBB" } },
  "identity:scim": { github: { url: "https://x" } },
  "identity:ldap": { url: "ldaps://x" },
};
const appKeys = deploymentAppKeys(baseRaw);
const options = {
  base: "prod",
  baseRaw,
  appKeys,
  people: 20_000,
  peoplePerShard: 5_000,
  isDirectory: (a: string) => a === "entra" || a === "google",
};

describe("planShards", () => {
  it("cuts directory apps and other apps into ceil(people / n) buckets, each with only its apps' settings", () => {
    const shards = planShards(options);
    expect(shards.map((s) => s.stack)).toEqual(
      [0, 1, 2, 3].map((b) => `prod-directories-${b}`).concat([0, 1, 2, 3].map((b) => `prod-apps-${b}`)),
    );
    expect(shards[5]!.config).toEqual({
      "identity:shard": { deployment: "prod", base: "prod", apps: ["slack", "scim", "ldap"], bucket: 1, buckets: 4 },
      "identity:slack": baseRaw["identity:slack"],
      "identity:scim": baseRaw["identity:scim"],
      "identity:ldap": baseRaw["identity:ldap"],
    });
    expect(Object.keys(shards[0]!.config).sort()).toEqual(["identity:entra", "identity:google", "identity:shard"]);
  });

  it("writes a valid, complete split: every shard parses and together they hold every (person, app) once", () => {
    for (const people of [1, 4_999, 5_001, 50_000]) {
      const members: ShardMember[] = planShards({ ...options, people, deployment: "big" }).map((s) => ({
        stack: s.stack,
        file: s.stack,
        shard: ShardSettings.parse(s.config["identity:shard"]),
      }));
      expect(checkCoverage("big", members, appKeys), `${people} people`).toEqual([]);
      expect(members).toHaveLength(2 * Math.ceil(people / 5_000));
    }
  });

  it("leaves buckets out of a company that fits one shard, and refuses a size that is not a whole number", () => {
    expect(planShards({ ...options, people: 10 }).map((s) => s.config["identity:shard"])).toEqual([
      { deployment: "prod", base: "prod", apps: ["entra", "google"] },
      { deployment: "prod", base: "prod", apps: ["slack", "scim", "ldap"] },
    ]);
    expect(() => planShards({ ...options, peoplePerShard: 0 })).toThrow(
      /--people-per-shard must be a positive whole number/,
    );
  });
});
