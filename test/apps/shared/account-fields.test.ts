import { describe, expect, it } from "vitest";
import { AccountSpec, AppName } from "../../../provider/access/account-spec";
import { entraAccountProvider } from "../../../provider/apps/entra";
import { googleAccountProvider } from "../../../provider/apps/google";
import { ldapAccountProvider } from "../../../provider/apps/ldap";
import { scimAccountProvider } from "../../../provider/apps/scim";
import {
  ACCOUNT_FIELD_OUTCOMES,
  accountFieldOutcomes,
  appFieldsChanged,
  appWork,
  diffAccount,
  fieldOutcome,
  recordOnlyOutputs,
} from "../../../provider/apps/shared";
import { slackAccountProvider } from "../../../provider/apps/slack";
import { accountSpec } from "../../support/account-spec";

describe("the account field table", () => {
  it("classifies every AccountSpec field, and only those, for every app", () => {
    expect(Object.keys(ACCOUNT_FIELD_OUTCOMES).sort()).toEqual(Object.keys(AccountSpec.shape).sort());
    for (const row of Object.values(ACCOUNT_FIELD_OUTCOMES))
      expect(Object.keys(row).sort()).toEqual([...AppName.options].sort());
  });

  it("leaves `mapped` to SCIM, whose instances choose what they send", () => {
    for (const app of AppName.options.filter((name) => name !== "scim")) {
      expect(Object.values(accountFieldOutcomes(app))).not.toContain("mapped");
    }
    expect(fieldOutcome("scim", "location")).toBe("record");
    expect(fieldOutcome("scim", "location", (field) => field === "location")).toBe("app");
  });
});

describe("diffAccount and the update gate", () => {
  const olds = { ...accountSpec("E1"), entraId: "u-1", createdAt: "2026-01-01T00:00:00Z" };

  it("compares record-only fields too, so the state keeps the audit's values", () => {
    const news = { ...accountSpec("E1"), revokedOn: "2026-03-01" };
    expect(diffAccount("entra", olds, news)).toMatchObject({ changes: true, replaces: [] });
    expect(appWork("entra", olds, news)).toBe(false);
  });

  it("replaces only on the app's identity fields, and pending work forces an app call", () => {
    expect(diffAccount("ldap", olds, { ...accountSpec("E2") }).replaces).toEqual(["employeeId"]);
    expect(diffAccount("entra", olds, { ...accountSpec("E2") }).replaces).toEqual([]);
    expect(diffAccount("scim", olds, accountSpec("E1"), { pending: true }).changes).toBe(true);
    expect(appWork("scim", olds, accountSpec("E1"), { pending: true })).toBe(true);
  });

  it("lists the changed fields the app needs", () => {
    const news = { ...accountSpec("E1"), title: "Boss", grants: [], email: "new@example.com" };
    expect(appFieldsChanged("entra", olds, news)).toEqual(["title"]);
    expect(appFieldsChanged("google", olds, news)).toEqual(["email", "title"]);
  });

  it("records new inputs over the app's own outputs, dropping a cleared field", () => {
    const before = { ...olds, revokedOn: "2026-03-01", __provider: "old" };
    const news = accountSpec("E1", { approvals: [{ roleId: "r", approver: "a", ticket: "T-1", date: "2026-01-02" }] });
    expect(recordOnlyOutputs("entra", before, news)).toEqual({
      ...news,
      entraId: "u-1",
      createdAt: "2026-01-01T00:00:00Z",
    });
  });
});

describe("a missing account", () => {
  const providers = {
    entra: entraAccountProvider,
    google: googleAccountProvider,
    slack: slackAccountProvider,
    scim: scimAccountProvider,
    ldap: ldapAccountProvider,
  } as const;
  it.each(Object.entries(providers))(
    "%s: read without state answers an empty id (Pulumi drops it), never throws",
    async (_app, p) => {
      await expect(p.read!("E404", undefined as never)).resolves.toEqual({ id: "" });
    },
  );
});
