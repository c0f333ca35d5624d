import { describe, expect, it } from "vitest";
import { separationOfDuties, separationOfDutiesAcrossApps } from "../../policies/rules/separation-of-duties";
import { accountResource, happyAccount, runResourcePolicy, runStackPolicy, unknown } from "./util";

const conflicts = [["payments-initiate", "payments-approve"]];
const withRoles = (...roleIds: string[]) => happyAccount({ grants: [{ entitlement: "account", roleIds }] });

describe("#separationOfDuties", () => {
  it("passes an account with one side of a conflict", async () => {
    expect(
      await runResourcePolicy(separationOfDuties, withRoles("payments-initiate"), { config: { conflicts } }),
    ).toEqual({ violations: [] });
  });
  it("names the person and both roles when an account holds both", async () => {
    const { violations } = await runResourcePolicy(
      separationOfDuties,
      withRoles("payments-initiate", "payments-approve"),
      { config: { conflicts } },
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain("Jane Doe (E1001) must not hold both 'payments-initiate' and 'payments-approve'");
  });
  it("is not applicable to other resource types", async () => {
    const props = withRoles("payments-initiate", "payments-approve");
    expect(
      await runResourcePolicy(separationOfDuties, props, {
        type: "pulumi-nodejs:dynamic/idlc:SlackGroup",
        config: { conflicts },
      }),
    ).toEqual({ violations: [] });
  });
  it("cannot judge unknown grants during preview", async () => {
    const outcome = await runResourcePolicy(separationOfDuties, happyAccount({ grants: unknown.array }), {
      config: { conflicts },
    });
    expect(outcome.unknown).toMatch(/can't be known during preview/);
  });
});

describe("#separationOfDutiesAcrossApps", () => {
  it("finds a conflict split across two apps", async () => {
    const { violations } = await runStackPolicy(
      separationOfDutiesAcrossApps,
      [
        accountResource("slack", withRoles("payments-initiate")),
        accountResource("google", withRoles("payments-approve")),
      ],
      { conflicts },
    );
    expect(violations).toEqual([expect.stringContaining("(across google, slack)")]);
  });
  it("passes two different people holding one side each", async () => {
    const other = { ...withRoles("payments-approve"), employeeId: "E2002", displayName: "Ola Nordmann" };
    expect(
      (
        await runStackPolicy(
          separationOfDutiesAcrossApps,
          [accountResource("slack", withRoles("payments-initiate")), accountResource("slack", other)],
          { conflicts },
        )
      ).violations,
    ).toEqual([]);
  });
});

describe("#separationOfDutiesAcrossApps during preview", () => {
  it("is not applicable without conflicts configured, and cannot judge unknown grants", async () => {
    expect(
      (
        await runStackPolicy(separationOfDutiesAcrossApps, [
          accountResource("slack", withRoles("payments-initiate", "payments-approve")),
        ])
      ).violations,
    ).toEqual([]);
    expect(
      (
        await runStackPolicy(
          separationOfDutiesAcrossApps,
          [accountResource("slack", happyAccount({ grants: unknown.array }))],
          { conflicts },
        )
      ).unknown,
    ).toBeDefined();
  });
});
