import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  accountAttributes,
  accountDn,
  attributeChanges,
  byEmployeeId,
  byLoginOrMail,
  enabledChanges,
  isEnabled,
  ldapAccountProvider,
  ldapSettingsSchema,
  PERMANENT_LOCK,
  readBack,
  withDisabledBit,
} from "../../../provider/apps/ldap";
import { accountSpec, configRequest } from "./ldap-spec";

const entry = (attrs: Record<string, string[]>) => ({ dn: "uid=x,ou=people,dc=x", attrs });
const base = { url: "ldap://127.0.0.1:389", bindDN: "cn=admin,dc=x", bindPassword: "pw", baseDN: "dc=x" };

describe("lock: OpenLDAP ppolicy", () => {
  test("only the permanent lock is disabled; disabling sets it, enabling removes it and failure times", () => {
    expect(isEnabled(entry({}), "openldap")).toBe(true);
    expect(isEnabled(entry({ pwdaccountlockedtime: ["20260101000000Z"] }), "openldap")).toBe(true);
    expect(isEnabled(entry({ pwdaccountlockedtime: [PERMANENT_LOCK] }), "openldap")).toBe(false);
    expect(enabledChanges(entry({}), "openldap", false)).toEqual([
      { operation: "replace", type: "pwdAccountLockedTime", values: [PERMANENT_LOCK] },
    ]);
    expect(enabledChanges(entry({ pwdaccountlockedtime: [PERMANENT_LOCK] }), "openldap", false)).toEqual([]);
    expect(enabledChanges(entry({}), "openldap", true)).toEqual([]);
    expect(
      enabledChanges(
        entry({ pwdaccountlockedtime: [PERMANENT_LOCK], pwdfailuretime: ["20260101000000Z"] }),
        "openldap",
        true,
      ),
    ).toEqual([
      { operation: "delete", type: "pwdAccountLockedTime", values: [] },
      { operation: "delete", type: "pwdFailureTime", values: [] },
    ]);
  });
});

describe("lock: Active Directory userAccountControl", () => {
  test.each([
    [512, true, 514],
    [514, false, 512],
    [66048, true, 66050],
    [66050, false, 66048],
    [514, true, 514],
  ])("uac %i, disabled=%s → %i (other bits kept)", (uac, disabled, next) => {
    expect(withDisabledBit(uac, disabled)).toBe(next);
  });

  test("read-modify-write from the entry; enabling also clears a lockout", () => {
    expect(isEnabled(entry({ useraccountcontrol: ["66048"] }), "ad")).toBe(true);
    expect(enabledChanges(entry({ useraccountcontrol: ["66048"] }), "ad", false)).toEqual([
      { operation: "replace", type: "userAccountControl", values: ["66050"] },
    ]);
    expect(enabledChanges(entry({ useraccountcontrol: ["514"], lockouttime: ["1339"] }), "ad", true)).toEqual([
      { operation: "replace", type: "userAccountControl", values: ["512"] },
      { operation: "replace", type: "lockoutTime", values: ["0"] },
    ]);
    expect(enabledChanges(entry({ useraccountcontrol: ["512"], lockouttime: ["0"] }), "ad", true)).toEqual([]);
  });
});

describe("account attributes and DNs", () => {
  test("inetOrgPerson attributes; a one-name person keeps the display name in the mandatory sn", () => {
    const attrs = accountAttributes(
      accountSpec({ familyName: "", givenName: "", title: undefined }),
      "openldap",
      "uid=boss,ou=p",
    );
    expect(attrs).toMatchObject({
      uid: ["jdoe"],
      cn: ["Jane Doe"],
      sn: ["Jane Doe"],
      givenName: [],
      title: [],
      employeeNumber: ["E1001"],
      departmentNumber: ["Payments"],
      manager: ["uid=boss,ou=p"],
    });
  });

  test("AD attributes", () => {
    expect(accountAttributes(accountSpec(), "ad", undefined)).toMatchObject({
      sAMAccountName: ["jdoe"],
      userPrincipalName: ["jane.doe@example.com"],
      employeeID: ["E1001"],
      department: ["Payments"],
      manager: [],
    });
  });

  test("the DN template follows dnAttribute and escapes the value", () => {
    const spec = accountSpec({ userName: "a+b", displayName: "Doe, Jane" });
    expect(accountDn(spec, { flavor: "openldap", dnAttribute: "uid", peopleDN: "ou=p,dc=x" })).toBe(
      "uid=a\\+b,ou=p,dc=x",
    );
    expect(accountDn(spec, { flavor: "ad", dnAttribute: "cn", peopleDN: "ou=p,dc=x" })).toBe(
      "cn=Doe\\, Jane,ou=p,dc=x",
    );
  });

  test("changes are the differing owned attributes only, order-insensitive, naming attribute skipped", () => {
    const current = entry({ uid: ["old"], cn: ["A"], mail: ["m@x"], title: ["T"], ou: ["x"], objectclass: ["b", "a"] });
    expect(
      attributeChanges(current, { uid: ["new"], cn: ["A"], mail: ["n@x"], title: [], objectClass: ["a", "b"] }, [
        "uid",
      ]),
    ).toEqual([
      { operation: "replace", type: "mail", values: ["n@x"] },
      { operation: "replace", type: "title", values: [] },
    ]);
  });

  test("look-up filters escape every HR value", () => {
    expect(byEmployeeId("openldap", "*")).toBe("(&(objectClass=inetOrgPerson)(employeeNumber=\\2a))");
    expect(byLoginOrMail("ad", { userName: "x)(", email: "a*@x" })).toBe(
      "(&(objectClass=user)(|(sAMAccountName=x\\29\\28)(userPrincipalName=a\\2a@x)(mail=a\\2a@x)))",
    );
  });
});

describe("readBack", () => {
  test("overlays the directory's values on the last state, for drift", () => {
    const olds = { ...accountSpec({ familyName: "" }), dn: "uid=jdoe,ou=p", adopted: false, initialPassword: "kept" };
    const now = entry({
      uid: ["jdoe"],
      mail: ["new@x"],
      sn: ["Jane Doe"],
      displayname: ["Jane Doe"],
      pwdaccountlockedtime: [PERMANENT_LOCK],
    });
    expect(readBack(olds, now, "openldap", { groups: ["eng"], managerEmployeeId: undefined })).toMatchObject({
      email: "new@x",
      familyName: "",
      givenName: "",
      title: undefined,
      enabled: false,
      groups: ["eng"],
      initialPassword: "kept",
    });
  });
});

describe("identity:ldap settings", () => {
  test("defaults people/groups DNs and the naming attribute per flavor", () => {
    expect(ldapSettingsSchema(z).parse(base)).toMatchObject({
      peopleDN: "ou=people,dc=x",
      groupsDN: "ou=groups,dc=x",
      flavor: "openldap",
      dnAttribute: "uid",
    });
    expect(ldapSettingsSchema(z).parse({ ...base, url: "ldaps://dc1:636", flavor: "ad" })).toMatchObject({
      dnAttribute: "cn",
    });
  });

  test.each([
    [{ ...base, flavor: "ad" }, /ldaps/],
    [{ ...base, url: "http://x" }, /ldap:\/\//],
    [{ ...base, bindPassword: "" }, /too small|>=1/i],
    [{ ...base, extra: 1 }, /unrecognized/i],
  ])("rejects %j", (raw, message) => {
    const result = ldapSettingsSchema(z).safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});

describe("check", () => {
  test("an AD directory refuses a userName longer than sAMAccountName's 20 characters; OpenLDAP does not", async () => {
    const long = accountSpec({ userName: "a".repeat(21) });
    await ldapAccountProvider.configure!(configRequest({ ...base, url: "ldaps://dc1:636", flavor: "ad" }) as never);
    expect((await ldapAccountProvider.check!({} as never, long)).failures).toEqual([
      { property: "userName", reason: "AD sAMAccountName allows at most 20 characters" },
    ]);
    expect((await ldapAccountProvider.check!({} as never, accountSpec({ userName: "a".repeat(20) }))).failures).toEqual(
      [],
    );
    await ldapAccountProvider.configure!(configRequest(base) as never);
    expect((await ldapAccountProvider.check!({} as never, long)).failures).toEqual([]);
  });
});
