/**
 * The property every account provider must keep (apps/shared/account-fields.ts): changing only one AccountSpec
 * field yields the declared outcome — `replace` in the diff; `app`: an update, and the update writes to the app;
 * `record`: an update, the new value in state, and not one call to the app. That alone would hold for any field
 * wrongly declared `record` (the gate would skip the call), so each record field is also proven not to matter to
 * the app: an app update carrying it leaves the app holding exactly what the same update without it does.
 * Each app's test file calls `describeFieldOutcomes` with a running emulator (or slapd), a way to count the calls
 * that reached it, and a way to look at what the app holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as pulumi from "@pulumi/pulumi";
import type { AccountSpec, AppName } from "../../../provider/access/account-spec";
import { EmploymentType, LifecycleState } from "../../../provider/hr/person";
import { accountFieldOutcomes, fieldOutcome, sameValue, type MappedField } from "../../../provider/apps/shared";
import { sharedRequestCounter } from "../../../provider/net";

export interface CallCount {
  total: number;
  /** Calls that change something (anything but a read). */
  writes: number;
}

export interface AppUnderTest {
  app: AppName;
  provider: pulumi.dynamic.ResourceProvider;
  /** The account every case starts from; it must exist in the app (`setUp` creates it) with groups and managers. */
  base: AccountSpec & Record<string, unknown>;
  /** Creates groups `eng`, `ops` (and any admin group), managers M1, M2, then the base account; answers `create`'s. */
  setUp(): Promise<{ id: string; outs?: object }>;
  calls(): CallCount;
  /** What the app holds for the account, read behind the API's back (emulator control, store or directory). */
  observe(id: string): Promise<unknown>;
  /** Values the app needs in its own form (a UPN in the verified domain, a Slack-sized username). */
  values?: Partial<Record<string, fc.Arbitrary<unknown>>>;
  /** How a SCIM instance resolves `mapped` fields. */
  mapped?: MappedField;
}

const word = fc.stringMatching(/^[a-z]{3,9}$/);
const isoDate = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
let serial = 0;
/** Unique per draw, so a value never collides with another account's in an app that enforces uniqueness. */
const unique = (arb: fc.Arbitrary<string>) => arb.map((value) => `${value}${++serial}`);

/** A generator per AccountSpec field: adding a field to the schema without one here fails the typecheck. */
const specValues: { [K in keyof Required<AccountSpec>]: fc.Arbitrary<AccountSpec[K]> } = {
  employeeId: unique(fc.constant("X")),
  instance: fc.constantFrom("other", "second"),
  userName: unique(word.map((w) => `u-${w}`)),
  email: unique(word.map((w) => `m-${w}`)).map((local) => `${local}@example.com`),
  givenName: word.map((w) => w[0]!.toUpperCase() + w.slice(1)),
  familyName: word.map((w) => w[0]!.toUpperCase() + w.slice(1)),
  displayName: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  title: optional(fc.constantFrom("Manager", "Analyst", "Staff Engineer")),
  department: optional(fc.constantFrom("Sales", "Finance", "Support")),
  costCenter: optional(fc.constantFrom("CC1", "CC7", "CC99")),
  location: optional(fc.constantFrom("Lisbon", "Oslo", "Remote")),
  managerEmployeeId: fc.constantFrom("M2", undefined),
  employmentType: fc.constantFrom(...EmploymentType.options),
  enabled: fc.boolean(),
  lifecycle: fc.constantFrom(...LifecycleState.options),
  groups: fc.subarray(["eng", "ops"]),
  admin: fc.boolean(),
  license: optional(fc.constantFrom("E3", "E5")),
  grants: fc.array(
    fc.record({ entitlement: fc.constantFrom("account", "group:eng"), roleIds: fc.array(word, { maxLength: 2 }) }),
    { maxLength: 2 },
  ),
  approvals: fc.array(fc.record({ roleId: word, approver: word, ticket: unique(fc.constant("T-")), date: isoDate }), {
    maxLength: 2,
  }),
  endDate: optional(isoDate),
  lifecycleSince: optional(isoDate),
  revokedOn: optional(isoDate),
  exception: optional(fc.record({ owner: word, expires: isoDate, reason: word })),
};
const extraValues: Record<string, fc.Arbitrary<unknown>> = { hireDate: optional(isoDate) };

/** Runs per field and app; each is a round trip to an emulator, so a handful proves the rule without a long run. */
const RUNS = 4;

export function describeFieldOutcomes(name: string, subject: () => AppUnderTest): void {
  describe(`${name}: a change to one field has its declared outcome (account-fields.ts)`, () => {
    let id = "";
    let current: Record<string, unknown> = {};
    it("sets up the base account, its groups and managers", async () => {
      const created = await subject().setUp();
      [id, current] = [created.id, created.outs as Record<string, unknown>];
      expect(id).not.toBe("");
    });
    const app = subject().app;
    for (const field of Object.keys(accountFieldOutcomes(app))) {
      it(`${field}`, async () => {
        const s = subject();
        const arb =
          s.values?.[field] ?? (specValues as Record<string, fc.Arbitrary<unknown>>)[field] ?? extraValues[field];
        expect(arb, `no generator for ${field}`).toBeDefined();
        const expected = fieldOutcome(app, field, s.mapped);
        await fc.assert(
          fc.asyncProperty(
            arb!.filter((value) => !sameValue(value, s.base[field])),
            async (value) => {
              const news: Record<string, unknown> = { ...s.base, [field]: value };
              if (value === undefined) delete news[field];
              const olds = current;
              const diff = await s.provider.diff!(id, olds, news);
              expect(diff.changes).toBe(true);
              expect(diff.replaces ?? []).toEqual(expected === "replace" ? [field] : []);
              if (expected === "replace") return;
              const before = s.calls();
              const { outs } = await s.provider.update!(id, olds, news);
              const after = s.calls();
              if (expected === "app") expect(after.writes - before.writes, `writes for ${field}`).toBeGreaterThan(0);
              else expect(after.total - before.total, `calls for ${field}`).toBe(0);
              expect(sameValue(outs![field], value), `${field} in state`).toBe(true);
              // Back to the base account, so each case starts from the same place.
              current = (await s.provider.update!(id, outs!, s.base)).outs!;
              if (expected === "record") {
                const probe = { ...s.base, givenName: "Probe" };
                expect(stable(await heldAfter({ ...news, givenName: "Probe" })), `${field} reached the app`).toEqual(
                  stable(await heldAfter(probe)),
                );
              }
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        );
        /** What the app holds after updating the base account to `news`; the base is restored afterwards. */
        async function heldAfter(news: Record<string, unknown>): Promise<unknown> {
          const { outs } = await s.provider.update!(id, current, news);
          const held = await s.observe(id);
          current = (await s.provider.update!(id, outs!, s.base)).outs!;
          return held;
        }
      });
    }
  });
}

/** Calls counted by provider/net for an HTTP app (every attempt that reached the emulator). */
export function httpCalls(app: AppName): () => CallCount {
  return () => {
    const { total, byMethod } = sharedRequestCounter().get(app);
    return { total, writes: total - (byMethod["GET"] ?? 0) };
  };
}

/** Drops what changes on every write whatever was written (versions, modification times). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !/lastModified|version|etag|updated|modif/i.test(key))
      .map(([key, v]) => [key, stable(v)]),
  );
}
