import { describe, expect, test } from "vitest";
import {
  and,
  equals,
  escapeDnValue,
  escapeFilterValue,
  firstRdn,
  or,
  parentDn,
  rdn,
} from "../../../provider/apps/ldap";

describe("escapeDnValue (RFC 4514 §2.4)", () => {
  test.each([
    ["jdoe", "jdoe"],
    ["Smith, John", "Smith\\, John"],
    ["a+b", "a\\+b"],
    ["#hash", "\\#hash"],
    ["mid#hash", "mid#hash"],
    [" leading", "\\ leading"],
    ["trailing ", "trailing\\ "],
    [" ", "\\ "],
    ["  both  ", "\\  both \\ "],
    ['say "hi"', 'say \\"hi\\"'],
    ["a;b<c>d=e", "a\\;b\\<c\\>d\\=e"],
    ["back\\slash", "back\\\\slash"],
    ["\\00", "\\\\00"],
    ["a\u0000b", "a\\00b"],
    ["x)(uid=*", "x)(uid\\=*"],
    ["Zoë 山田", "Zoë 山田"],
    ["", ""],
  ])("%j → %j", (value, escaped) => {
    expect(escapeDnValue(value)).toBe(escaped);
  });
});

describe("escapeFilterValue (RFC 4515 §3)", () => {
  test.each([
    ["jdoe", "jdoe"],
    ["*", "\\2a"],
    ["x)(uid=*", "x\\29\\28uid=\\2a"],
    ["back\\slash", "back\\5cslash"],
    ["\\00", "\\5c00"],
    ["a\u0000b", "a\\00b"],
    ["Smith, John", "Smith, John"],
    ["Zoë 山田", "Zoë 山田"],
    [" spaced ", " spaced "],
  ])("%j → %j", (value, escaped) => {
    expect(escapeFilterValue(value)).toBe(escaped);
  });
});

describe("filter and DN builders", () => {
  test("equals escapes the value and refuses anything but an attribute name", () => {
    expect(equals("uid", "*)(objectClass=*")).toBe("(uid=\\2a\\29\\28objectClass=\\2a)");
    expect(() => equals("uid=*)(x", "a")).toThrow(/not an LDAP attribute name/);
    expect(() => rdn("cn,ou", "a")).toThrow(/not an LDAP attribute name/);
  });

  test("and / or compose; a one-clause or is the clause itself", () => {
    expect(and(equals("a", "1"), or(equals("b", "2")))).toBe("(&(a=1)(b=2))");
    expect(or(equals("b", "2"), equals("c", "3"))).toBe("(|(b=2)(c=3))");
  });

  test.each([
    ["uid=jdoe,ou=people,dc=x", "uid=jdoe", "ou=people,dc=x"],
    ["uid=Smith\\, John,ou=people,dc=x", "uid=Smith\\, John", "ou=people,dc=x"],
    ["cn=a\\2Cb,ou=g", "cn=a\\2Cb", "ou=g"],
    ["uid=back\\\\,ou=p", "uid=back\\\\", "ou=p"],
    ["dc=x", "dc=x", ""],
  ])("%j splits into %j and %j", (dn, first, parent) => {
    expect(firstRdn(dn)).toBe(first);
    expect(parentDn(dn)).toBe(parent);
  });
});
