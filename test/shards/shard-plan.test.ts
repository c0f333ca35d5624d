import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccessPlan } from "../../provider/access";
import { bucketOf, shardPlan, shardsHolding, type Shard } from "../../provider/shards";

/** A company where everyone holds an account in every app given; one managed group per app. */
function company(ids: readonly string[], apps: ReadonlyArray<[string, string?]>): AccessPlan {
  const spec = (id: string, instance?: string) => ({
    employeeId: id,
    userName: id.toLowerCase(),
    enabled: true,
    groups: [],
    ...(instance ? { instance } : {}),
  });
  return {
    asOf: "2026-12-02",
    issues: [],
    groups: apps.map(([app, instance]) => ({
      app,
      spec: { name: `${app}-all`, displayName: "all", ...(instance ? { instance } : {}) },
    })),
    people: ids.map((id) => ({
      employeeId: id,
      accounts: apps.map(([app, instance]) => ({ app, spec: spec(id, instance) })),
    })),
  } as unknown as AccessPlan;
}

const APPS: Array<[string, string?]> = [
  ["entra"],
  ["google"],
  ["slack"],
  ["scim", "github"],
  ["scim", "jira"],
  ["ldap"],
];
const keyOf = (e: { app: string; spec: { instance?: string; employeeId?: string; name?: string } }) =>
  `${e.app}${e.spec.instance ? `:${e.spec.instance}` : ""}/${e.spec.employeeId ?? e.spec.name}`;
const accounts = (plan: AccessPlan) => plan.people.flatMap((p) => p.accounts.map(keyOf));

describe("shardPlan", () => {
  it("keeps only the shard's people and, for them, only its apps' accounts", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `E${100 + i}`);
    const plan = shardPlan(company(ids, APPS), { apps: ["slack", "scim:github"], bucket: 1, buckets: 3 });
    const mine = ids.filter((id) => bucketOf(id, 3) === 1);
    expect(plan.people.map((p) => p.employeeId)).toEqual(mine);
    expect(accounts(plan).sort()).toEqual(mine.flatMap((id) => [`slack/${id}`, `scim:github/${id}`]).sort());
    // Bucket 1 does not own the groups: bucket 0 (or the unbucketed shard) declares them, once.
    expect(plan.groups).toEqual([]);
  });

  it("declares an app's groups in exactly one shard of a split", () => {
    const plan = company(["E1"], APPS);
    expect(shardPlan(plan, { apps: ["scim"], bucket: 0, buckets: 2 }).groups.map(keyOf)).toEqual([
      "scim:github/scim-all",
      "scim:jira/scim-all",
    ]);
    expect(shardPlan(plan, { apps: ["entra", "google"] }).groups.map(keyOf)).toEqual([
      "entra/entra-all",
      "google/google-all",
    ]);
  });

  it("splits every (person, app) into exactly one shard of a valid split (property)", () => {
    const split = fc.record({
      buckets: fc.integer({ min: 1, max: 5 }),
      ids: fc.uniqueArray(fc.stringMatching(/^E\d{1,6}$/), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(split, ({ buckets, ids }) => {
        const plan = company(ids, APPS);
        const shards: Shard[] = [{ apps: ["entra", "google", "ldap"] }];
        for (let b = 0; b < buckets; b++)
          shards.push(
            { apps: ["slack", "scim:github"], bucket: b, buckets },
            { apps: ["scim:jira"], bucket: b, buckets },
          );
        const all = shards.flatMap((s) => accounts(shardPlan(plan, s)));
        expect(all.sort()).toEqual(accounts(plan).sort());
        const groups = shards.flatMap((s) => shardPlan(plan, s).groups.map(keyOf));
        expect(groups.sort()).toEqual(plan.groups.map(keyOf).sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe("shardsHolding", () => {
  const split = (buckets: number) => [
    { stack: "dirs", shard: { apps: ["entra", "google", "ldap"] } },
    ...Array.from({ length: buckets }, (_, b) => ({
      stack: `apps-${b}`,
      shard: { apps: ["slack", "scim"], bucket: b, buckets },
    })),
  ];

  it("names the directory shard and the person's own app bucket, and no shard holding none of their accounts", () => {
    const plan = company(["E1", "E2"], APPS);
    const b = bucketOf("E1", 4);
    expect(shardsHolding(plan, split(4), ["E1"])).toEqual([
      { stack: "dirs", employeeIds: ["E1"] },
      { stack: `apps-${b}`, employeeIds: ["E1"] },
    ]);
    // Someone with directory accounts only is not sent to any app shard.
    expect(shardsHolding(company(["E1"], [["google"]]), split(4), ["E1"])).toEqual([
      { stack: "dirs", employeeIds: ["E1"] },
    ]);
    expect(shardsHolding(plan, split(4), ["E9"])).toEqual([]);
  });

  it("covers every account of the people asked for, and only theirs, whatever the split", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (numbers, buckets, pick) => {
          const ids = numbers.map((n) => `E${n}`);
          const plan = company(ids, APPS);
          const asked = ids.filter((_, i) => (pick >> (i % 30)) & 1);
          const members = split(buckets);
          const routed = shardsHolding(plan, members, asked);
          const covered = routed.flatMap(({ stack, employeeIds }) => {
            const shard = members.find((m) => m.stack === stack)!.shard;
            expect(employeeIds.every((id) => asked.includes(id))).toBe(true);
            return accounts(shardPlan(plan, shard)).filter((a) => employeeIds.some((id) => a.endsWith(`/${id}`)));
          });
          const wanted = accounts(plan).filter((a) => asked.some((id) => a.endsWith(`/${id}`)));
          expect(covered.sort()).toEqual(wanted.sort());
        },
      ),
    );
  });
});
