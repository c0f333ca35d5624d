import { describe, expect, it } from "vitest";
import {
  AccountStillEnabledError,
  checkAccountInputs,
  checkGroupInputs,
  diffFields,
  refuseEnabledDelete,
  type ExtraFields,
  sameValue,
} from "../../../provider/apps/shared";
import { accountSpec, groupSpec } from "../../support/account-spec";

describe("diffFields", () => {
  const olds = { ...accountSpec("E1"), instance: "a" };
  const fields = ["instance", "userName", "email", "familyName", "groups", "enabled"] as const;
  it("reports no change for equal values regardless of key order or undefined", () => {
    expect(diffFields(olds, { ...olds, title: undefined }, fields)).toEqual({
      changes: false,
      replaces: [],
      stables: [...fields],
      deleteBeforeReplace: false,
    });
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
  it("updates in place on a name or email change", () => {
    const d = diffFields(olds, { ...olds, userName: "new", email: "new@x", familyName: "King" }, fields, {
      replaceOn: ["instance"],
    });
    expect(d).toMatchObject({ changes: true, replaces: [] });
    expect(d.stables).toEqual(["instance", "groups", "enabled"]);
  });
  it("replaces only on the named fields", () => {
    expect(diffFields(olds, { ...olds, instance: "b" }, fields, { replaceOn: ["instance"] }).replaces).toEqual([
      "instance",
    ]);
  });
  it("can flag work the inputs do not show", () => {
    expect(diffFields(olds, olds, fields, { extraChanges: true }).changes).toBe(true);
  });
});

describe("input checks return failures as data", () => {
  it("accepts a full AccountSpec and lists every bad field", () => {
    expect(checkAccountInputs(accountSpec("E1")).failures).toEqual([]);
    const { failures } = checkAccountInputs({
      ...accountSpec("E1"),
      employeeId: "",
      enabled: "yes" as unknown as boolean,
    });
    expect(failures.map((f) => f.property).sort()).toEqual(["employeeId", "enabled"]);
  });
  it("adds the app's own fields", () => {
    const { failures } = checkGroupInputs({ ...groupSpec("eng") }, (z) => ({ instance: z.string() }));
    expect(failures).toEqual([{ property: "instance", reason: expect.any(String) }]);
  });
  it("builds a schema once per app's fields and kind, never sharing one between them", () => {
    let builds = 0;
    const short: ExtraFields = (z) => (builds++, { employeeId: z.string().max(3, "at most 3").optional() });
    const long = { ...accountSpec("E1234"), instance: "a" };
    for (let i = 0; i < 3; i++) {
      expect(checkAccountInputs(long, short).failures).toEqual([{ property: "employeeId", reason: "at most 3" }]);
      expect(checkAccountInputs(long).failures).toEqual([]);
      expect(checkGroupInputs({ ...groupSpec("engineering") }, short).failures).toEqual([]);
    }
    // One account schema and one group schema with these fields; the default fields' schema is another.
    expect(builds).toBe(2);
  });
});

describe("refuseEnabledDelete", () => {
  it("refuses an enabled (or unknown) account with app, employee id and a fix", () => {
    expect(() => refuseEnabledDelete("scim", { employeeId: "E9", enabled: true })).toThrow(AccountStillEnabledError);
    expect(() => refuseEnabledDelete("scim", { employeeId: "E9" })).toThrow(
      /scim: refusing to delete the account of E9/,
    );
    expect(() => refuseEnabledDelete("scim", { employeeId: "E9", enabled: false })).not.toThrow();
  });
});
