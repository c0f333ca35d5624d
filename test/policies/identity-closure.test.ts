import { describe, expect, it } from "vitest";
import { identityClosure } from "../../policies/rules/identity-closure";
import { happyAccount, runResourcePolicy, unknown } from "./util";

const config = { employeeIdPattern: "E\\d+", asOf: "2026-11-25" };

describe("#identityClosure", () => {
  it("passes an account with an HR employee id", async () => {
    expect((await runResourcePolicy(identityClosure, happyAccount(), { config })).violations).toEqual([]);
  });
  it("rejects an id that is not an HR id", async () => {
    const { violations } = await runResourcePolicy(identityClosure, happyAccount({ employeeId: "svc-backup" }), {
      config,
    });
    expect(violations).toEqual([
      expect.stringContaining("must map to an HR employee id matching /E\\d+/ (got 'svc-backup')"),
    ]);
  });
  it("accepts an owned exception that has not expired", async () => {
    const props = happyAccount({
      employeeId: "svc-backup",
      exception: { owner: "it@example.com", expires: "2027-01-01", reason: "backups" },
    });
    expect((await runResourcePolicy(identityClosure, props, { config })).violations).toEqual([]);
  });
  it("rejects an expired exception", async () => {
    const props = happyAccount({
      employeeId: "svc-backup",
      exception: { owner: "it@example.com", expires: "2026-11-01", reason: "backups" },
    });
    expect((await runResourcePolicy(identityClosure, props, { config })).violations).toEqual([
      expect.stringContaining("expired on 2026-11-01 (owner it@example.com)"),
    ]);
  });
  it("is not applicable to groups", async () => {
    expect(
      (await runResourcePolicy(identityClosure, {}, { type: "pulumi-nodejs:dynamic/idlc:SlackGroup", config }))
        .violations,
    ).toEqual([]);
  });
  it("cannot judge an unknown employee id during preview", async () => {
    expect(
      (await runResourcePolicy(identityClosure, happyAccount({ employeeId: unknown.string }), { config })).unknown,
    ).toBeDefined();
  });
});
