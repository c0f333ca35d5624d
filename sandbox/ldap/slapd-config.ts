/**
 * What a throwaway slapd needs on disk: its slapd.conf and the entries it is seeded with (pure).
 * The overlays match a production OpenLDAP the connector targets: memberof (users show their groups), refint
 * (deleting a user removes it from groups), and ppolicy with lockout, so `pwdAccountLockedTime` really blocks binds.
 */
import path from "node:path";

export interface SlapdLayout {
  /** The server's working directory (config, pid file, `db/`). */
  dir: string;
  baseDN: string;
  bindDN: string;
  password: string;
}

/** The directory tree every sandbox starts with. */
export const DEFAULT_LAYOUT = { baseDN: "dc=example,dc=com", password: "admin" } as const;

export function dnsFor(baseDN: string) {
  return {
    bindDN: `cn=admin,${baseDN}`,
    peopleDN: `ou=people,${baseDN}`,
    groupsDN: `ou=groups,${baseDN}`,
    policiesDN: `ou=policies,${baseDN}`,
    defaultPolicyDN: `cn=default,ou=policies,${baseDN}`,
  };
}

// slapd.conf accepts no trailing comments, so every comment here stays in TypeScript.
export function renderSlapdConf(layout: SlapdLayout): string {
  const { defaultPolicyDN } = dnsFor(layout.baseDN);
  return [
    "include /etc/ldap/schema/core.schema",
    "include /etc/ldap/schema/cosine.schema",
    "include /etc/ldap/schema/inetorgperson.schema",
    "modulepath /usr/lib/ldap",
    "moduleload back_mdb",
    "moduleload ppolicy",
    "moduleload memberof",
    "moduleload refint",
    `pidfile ${path.join(layout.dir, "slapd.pid")}`,
    "database mdb",
    "maxsize 104857600",
    `suffix "${layout.baseDN}"`,
    `rootdn "${layout.bindDN}"`,
    `rootpw ${layout.password}`,
    `directory ${path.join(layout.dir, "db")}`,
    "overlay memberof",
    "memberof-group-oc groupOfNames",
    "memberof-member-ad member",
    "memberof-memberof-ad memberOf",
    "memberof-refint TRUE",
    "overlay refint",
    "refint_attributes member manager",
    "overlay ppolicy",
    `ppolicy_default "${defaultPolicyDN}"`,
    "ppolicy_hash_cleartext",
    "ppolicy_use_lockout",
    "access to attrs=userPassword by self write by anonymous auth by * none",
    "access to * by * read",
    "",
  ].join("\n");
}

/** The seed entries, parents first: base, the three OUs, and the default password policy. */
export function seedEntries(baseDN: string): Array<{ dn: string; attributes: Record<string, string[]> }> {
  const dns = dnsFor(baseDN);
  const dc = /^dc=([^,]+)/i.exec(baseDN)?.[1] ?? "example";
  const ou = (dn: string) => ({
    dn,
    attributes: { objectClass: ["organizationalUnit"], ou: [/^ou=([^,]+)/.exec(dn)![1]!] },
  });
  return [
    { dn: baseDN, attributes: { objectClass: ["dcObject", "organization"], dc: [dc], o: [dc] } },
    ou(dns.peopleDN),
    ou(dns.groupsDN),
    ou(dns.policiesDN),
    {
      dn: dns.defaultPolicyDN,
      attributes: {
        objectClass: ["device", "pwdPolicy"],
        cn: ["default"],
        pwdAttribute: ["userPassword"],
        pwdLockout: ["TRUE"],
        pwdMaxFailure: ["3"],
        pwdLockoutDuration: ["0"],
        pwdMustChange: ["TRUE"],
      },
    },
  ];
}
