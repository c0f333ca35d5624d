import { describe, expect, it } from "vitest";
import { appAccepts, judgeValue, mapValue, showValue } from "../../../provider/apps/accepts";
import type { AcceptedField, AppAccepts } from "../../../provider/apps/accepts";
import type { AppName } from "../../../provider/access";

const rule = (accepts: AppAccepts, field: AcceptedField) => accepts.rules.find((r) => r.field === field)!;
const judge = (app: AppName, field: AcceptedField, value: string, flavor?: "ad" | "openldap") =>
  judgeValue(rule(appAccepts(app, { ldapFlavor: flavor }), field), value);
const long = (n: number) => "Abcdefghij".repeat(Math.ceil(n / 10)).slice(0, n);

describe("Google names", () => {
  it.each([
    ["Olivia", "plain"],
    ["José María", "accents"],
    ["Jose\u0301", "a combining accent"],
    ["李", "another script"],
    ["O'Brien", "an apostrophe"],
    ["Smith-Jones", "a dash"],
    ["St. John", "a period"],
    ["A/B", "a slash"],
    ["Louis 14", "digits"],
    [long(60), "60 characters"],
  ])("accepts %s (%s)", (value) => {
    expect(judge("google", "familyName", value)).toEqual({ kind: "ok" });
  });

  it.each([
    ["Smith, Jr.", "Smith Jr.", "','"],
    ['Ann "Nan" Lee', "Ann Nan Lee", "\\u{22}"],
    ["Zoë 🙂", "Zoë", "'🙂'"],
    ["\u200fAli", "Ali", "\\u{200f}"],
    ["<script>alert(1)</script>", "scriptalert1/script", "\\u{3c}"],
    ["Anne & Co", "Anne Co", "'&'"],
  ])("maps %j to %j, naming %s", (value, mapped, named) => {
    const verdict = judge("google", "familyName", value);
    expect(verdict).toMatchObject({ kind: "mapped", value: mapped });
    expect(verdict.kind === "mapped" && verdict.reasons.join()).toContain(named);
  });

  it("cuts a 300-character name at 60 and trims what the cut leaves", () => {
    const verdict = judge("google", "givenName", `${"a".repeat(59)} ${"b".repeat(240)}`);
    const reasons = ["it has 300 characters, more than 60"];
    expect(verdict).toMatchObject({ kind: "mapped", value: "a".repeat(59), reasons });
  });

  it("collapses the spaces a dropped character leaves, and leading and trailing ones", () => {
    expect(judge("google", "givenName", "  Mary ,  Ann  ")).toMatchObject({ kind: "mapped", value: "Mary Ann" });
  });

  it("refuses a name with nothing Google takes in it: an error, not an empty name", () => {
    const verdict = judge("google", "givenName", "🙂🙂");
    expect(verdict.kind).toBe("refused");
    expect(verdict.kind === "refused" && verdict.reasons.join("; ")).toMatch(/after mapping \(""\) it is empty/);
  });

  it("never rewrites the address: a refused username is an error", () => {
    expect(judge("google", "email", "jane.doe@example.com")).toEqual({ kind: "ok" });
    expect(judge("google", "email", "o'brien@example.com")).toEqual({ kind: "ok" });
    const refused = (...reasons: string[]) => ({ kind: "refused", reasons });
    expect(judge("google", "email", "jane+sales@example.com")).toMatchObject(refused("it contains '+'"));
    expect(judge("google", "email", "jane..doe@example.com")).toMatchObject(refused("it has two periods in a row"));
    expect(judge("google", "email", `${"a".repeat(65)}@example.com`).kind).toBe("refused");
  });
});

describe("Entra", () => {
  it("takes the UPN characters Graph documents and refuses accents and spaces, never rewriting them", () => {
    expect(judge("entra", "userName", "o'neil.j-x_1!#^~")).toEqual({ kind: "ok" });
    expect(judge("entra", "userName", "jane.doe@example.com")).toEqual({ kind: "ok" });
    expect(judge("entra", "userName", "josé")).toMatchObject({ kind: "refused", reasons: ["it contains 'é'"] });
    expect(judge("entra", "userName", "jane doe").kind).toBe("refused");
    expect(judge("entra", "userName", "a".repeat(65)).kind).toBe("refused");
  });

  it("keeps commas and quotes in names (Graph takes them) and cuts given names at 64, display names at 256", () => {
    expect(judge("entra", "familyName", "Smith, Jr.")).toEqual({ kind: "ok" });
    expect(judge("entra", "givenName", long(300))).toMatchObject({ kind: "mapped", value: long(64) });
    expect(judge("entra", "displayName", long(300))).toMatchObject({ kind: "mapped", value: long(256) });
    expect(judge("entra", "displayName", "   ").kind).toBe("refused");
  });
});

describe("Slack", () => {
  it("judges the username as Slack stores it: 21 characters at most", () => {
    expect(judge("slack", "userName", "Jane.Doe")).toEqual({ kind: "ok" });
    expect(judge("slack", "userName", "jane doe, jr")).toEqual({ kind: "ok" });
    expect(judge("slack", "userName", "alexandra.montgomery-smith")).toMatchObject({
      kind: "refused",
      reasons: ["it has 26 characters, more than 21"],
    });
    expect(judge("slack", "userName", "@example.com")).toMatchObject({ kind: "refused", reasons: ["it is empty"] });
  });

  it("drops emoji and a leading @ from a display name and cuts it at 80", () => {
    expect(judge("slack", "displayName", "Zoë Smith, Jr.")).toEqual({ kind: "ok" });
    expect(judge("slack", "displayName", "Sam 👍🏽 Lee")).toMatchObject({ kind: "mapped", value: "Sam Lee" });
    expect(judge("slack", "displayName", "@sam")).toMatchObject({
      kind: "mapped",
      value: "sam",
      reasons: ["it starts with '@'"],
    });
    expect(judge("slack", "displayName", long(300))).toMatchObject({ kind: "mapped", value: long(80) });
  });
});

describe("SCIM and LDAP", () => {
  it("a generic SCIM app needs a userName and keeps every name exactly", () => {
    expect(judge("scim", "userName", "   ").kind).toBe("refused");
    expect(appAccepts("scim").rules.map((r) => r.field)).toEqual(["userName"]);
  });

  it("OpenLDAP escapes DNs, so any name fits; its cn must not be empty", () => {
    expect(judge("ldap", "displayName", 'Smith, Jr. "Q" <x>+=;\\')).toEqual({ kind: "ok" });
    expect(judge("ldap", "displayName", " ").kind).toBe("refused");
    expect(appAccepts("ldap").rules.map((r) => r.field)).toEqual(["displayName"]);
  });

  it("Active Directory limits sAMAccountName to 20 characters without its special ones, and cn to 64", () => {
    expect(judge("ldap", "userName", "jane.doe", "ad")).toEqual({ kind: "ok" });
    expect(judge("ldap", "userName", "jane,doe", "ad")).toMatchObject({
      kind: "refused",
      reasons: ["it contains ','"],
    });
    expect(judge("ldap", "userName", "alexandra.montgomery", "ad")).toEqual({ kind: "ok" });
    expect(judge("ldap", "userName", "alexandra.montgomery1", "ad").kind).toBe("refused");
    expect(judge("ldap", "displayName", long(100), "ad")).toMatchObject({ kind: "mapped", value: long(64) });
  });
});

describe("showValue", () => {
  it("shows a value safely: quoted, invisible and markup characters escaped, long ones cut", () => {
    expect(showValue("Smith, Jr.")).toBe('"Smith, Jr."');
    expect(showValue("\u200fAli\u0000")).toBe('"\\u{200f}Ali\\u{0}"');
    expect(showValue("<script>`x`</script>")).toBe('"\\u{3c}script\\u{3e}\\u{60}x\\u{60}\\u{3c}/script\\u{3e}"');
    expect(showValue('a "b"')).toBe('"a \\u{22}b\\u{22}"');
    expect(showValue("x".repeat(300))).toBe(`"${"x".repeat(80)}…" (300 characters)`);
  });

  it("mapValue is the documented rule even on an accepted value (idempotent)", () => {
    const google = rule(appAccepts("google"), "familyName");
    expect(mapValue(google, mapValue(google, "Smith, Jr. 🙂"))).toBe("Smith Jr.");
  });
});
