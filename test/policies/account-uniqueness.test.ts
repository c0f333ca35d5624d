import { describe, expect, it } from "vitest";
import { oneAccountPerPersonPerApp } from "../../policies/rules/account-uniqueness";
import { accountResource, happyAccount, runStackPolicy, unknown } from "./util";

describe("#oneAccountPerPersonPerApp", () => {
  it("passes one account per app", async () => {
    expect(
      (
        await runStackPolicy(oneAccountPerPersonPerApp, [
          accountResource("slack", happyAccount()),
          accountResource("google", happyAccount()),
        ])
      ).violations,
    ).toEqual([]);
  });
  it("names the person, app and both resources", async () => {
    const second = { ...accountResource("slack", happyAccount()), name: "slack/E1001-old" };
    expect(
      (await runStackPolicy(oneAccountPerPersonPerApp, [accountResource("slack", happyAccount()), second])).violations,
    ).toEqual([
      "E1001 must have at most one slack account but has 2 (slack/E1001, slack/E1001-old); remove the extra resources.",
    ]);
  });
  it("counts SCIM instances as separate apps", async () => {
    const github = accountResource("scim", happyAccount({ instance: "github" }));
    const zoom = accountResource("scim", happyAccount({ instance: "zoom" }));
    expect((await runStackPolicy(oneAccountPerPersonPerApp, [github, zoom])).violations).toEqual([]);
  });
});

describe("#oneAccountPerPersonPerApp during preview", () => {
  it("is not applicable to non-account resources", async () => {
    expect(
      (await runStackPolicy(oneAccountPerPersonPerApp, [{ type: "pulumi:pulumi:Stack", name: "s", props: {} }]))
        .violations,
    ).toEqual([]);
  });
  it("cannot judge an unknown employee id", async () => {
    expect(
      (
        await runStackPolicy(oneAccountPerPersonPerApp, [
          accountResource("slack", happyAccount({ employeeId: unknown.string })),
        ])
      ).unknown,
    ).toBeDefined();
  });
});
