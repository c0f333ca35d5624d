import { describe, expect, it } from "vitest";
import { cutoffsOnly } from "../../../cli/identity/one-run";
import { accountUrn } from "../../../cli/identity/targets";
import type { AccessPlan } from "../../../provider/access";

type Account = AccessPlan["people"][number]["accounts"][number];
const account = (app: string, employeeId: string, enabled: boolean, lifecycle: string, instance?: string) =>
  ({ app, spec: { employeeId, enabled, lifecycle, instance } }) as unknown as Account;
const plan = {
  people: [
    {
      employeeId: "E1",
      accounts: [account("slack", "E1", false, "terminated"), account("scim", "E1", false, "leave", "github")],
    },
    {
      employeeId: "E2",
      accounts: [account("slack", "E2", false, "pre-hire"), account("google", "E2", true, "active")],
    },
  ],
} as unknown as AccessPlan;
const ctx = { stack: "demo", project: "identity", plan };
const urn = (app: string, id: string, instance?: string) => accountUrn("demo", "identity", app, id, instance);

describe("cutoffsOnly: which targeted ups are judged in their own run", () => {
  it("every target a planned cutoff (a kill: terminated, on leave; a SCIM instance): yes", () => {
    expect(cutoffsOnly([urn("slack", "E1"), urn("scim", "E1", "github")], ctx)).toBe(true);
  });

  it("a pre-hire or an enabled account (they may wait on groups), an account only in state, or none: no", () => {
    expect(cutoffsOnly([urn("slack", "E1"), urn("slack", "E2")], ctx)).toBe(false);
    expect(cutoffsOnly([urn("google", "E2")], ctx)).toBe(false);
    expect(cutoffsOnly([urn("ldap", "E1")], ctx)).toBe(false);
    expect(cutoffsOnly([], ctx)).toBe(false);
  });
});
