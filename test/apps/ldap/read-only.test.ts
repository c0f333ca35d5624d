/**
 * Read-only refresh on a real slapd: `identity:ldap.readOnly` names a service DN the directory lets read and not
 * write. A refresh (IDLC_CREDENTIALS=read-only) reads accounts with it; a write with it is refused by slapd itself,
 * and idlc's guard refuses writes before they reach the directory at all.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ldapAccountProvider as p, type LdapAccountOutputs, type LdapSettings } from "../../../provider/apps/ldap";
import { CredentialsWithheldError, guardCredentials } from "../../../provider/apps/shared";
import { accountSpec, asAdmin, configRequest, isolatedTree } from "./ldap-fixture";

describe("LDAP read-only credentials", () => {
  let tree: LdapSettings;
  let reader: { bindDN: string; bindPassword: string };
  let created: { id: string; outs: LdapAccountOutputs };
  const spec = accountSpec({ employeeId: "E7001", userName: "ro.reader", email: "ro.reader@example.com" });

  beforeAll(async () => {
    tree = await isolatedTree("readonly");
    created = (await p.create!(spec)) as { id: string; outs: LdapAccountOutputs };
    // The sandbox's ACL (`access to * by * read`) lets any bound DN read and only the rootdn write.
    reader = { bindDN: `cn=reader,${tree.baseDN}`, bindPassword: randomBytes(12).toString("hex") };
    const objectClass = ["organizationalRole", "simpleSecurityObject"];
    const entry = { objectClass, cn: "reader", userPassword: reader.bindPassword };
    await asAdmin((c) => c.add(reader.bindDN, entry));
    process.env.IDLC_CREDENTIALS = "read-only";
    const settings = { url: tree.url, bindDN: tree.bindDN, bindPassword: "write-password-unused", baseDN: tree.baseDN };
    await p.configure!(configRequest({ ...settings, readOnly: reader }) as never);
  });

  afterAll(() => {
    delete process.env.IDLC_CREDENTIALS;
  });

  it("reads the account back with the read-only DN (the write password given beside it is never used)", async () => {
    const read = await p.read!(created.id, created.outs);
    expect(read.id).toBe(created.id);
    expect(read.props).toMatchObject({ employeeId: "E7001", enabled: true });
  });

  it("a write with the read-only DN is refused by the directory", async () => {
    const err = await p.update!(created.id, created.outs, { ...spec, title: "Changed" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    // 0x32: insufficientAccessRights (RFC 4511), slapd's answer to a write its ACL does not allow.
    expect((err as Error).message).toContain("Code: 0x32");
    expect(((err as Error).cause as Error).constructor.name).toBe("InsufficientAccessError");
    const query = { filter: "(employeeNumber=E7001)", attributes: ["title"] };
    const found = await asAdmin((c) => c.search(tree.peopleDN, query));
    expect(found.searchEntries[0]!.title).not.toBe("Changed");
  });

  it("idlc refuses the write before it reaches the directory", async () => {
    const guarded = guardCredentials("ldap", p as never);
    const changed = { ...spec, title: "Changed" };
    await expect(guarded.update(created.id, created.outs, changed)).rejects.toBeInstanceOf(CredentialsWithheldError);
    await expect(guarded.delete(created.id, created.outs)).rejects.toThrow(/ldap: delete for E7001 writes to the app/);
  });
});
