import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "ldapts";
import { afterAll, describe, expect, test } from "vitest";
import { emulators } from "../../../sandbox/registry";
import { startSlapd } from "../../../sandbox/ldap";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function entries(url: string, bindDN: string, password: string, base: string) {
  const client = new Client({ url, timeout: 5000 });
  try {
    await client.bind(bindDN, password);
    return (await client.search(base, { filter: "(objectClass=*)", attributes: ["1.1"] })).searchEntries.map(
      (entry) => entry.dn,
    );
  } finally {
    await client.unbind();
  }
}

describe("sandbox/ldap: a throwaway slapd", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test("starts seeded on 127.0.0.1, and stop ends the process", async () => {
    const slapd = await startSlapd();
    expect(slapd.url).toMatch(/^ldap:\/\/127\.0\.0\.1:\d+$/);
    expect(await entries(slapd.url, slapd.bindDN, slapd.password, slapd.baseDN)).toEqual(
      expect.arrayContaining([slapd.baseDN, slapd.peopleDN, slapd.groupsDN, `cn=default,ou=policies,${slapd.baseDN}`]),
    );
    await slapd.stop();
    expect(alive(slapd.pid)).toBe(false);
  });

  test("a persistent data dir keeps entries across restarts and is seeded only once", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "idlc-slapd-test-"));
    dirs.push(dir);
    const first = await startSlapd({ dataDir: dir });
    const client = new Client({ url: first.url });
    try {
      await client.bind(first.bindDN, first.password);
      await client.add(`uid=kept,${first.peopleDN}`, {
        objectClass: "inetOrgPerson",
        uid: "kept",
        cn: "Kept",
        sn: "K",
      });
    } finally {
      await client.unbind();
    }
    await first.stop();
    const second = await startSlapd({ dataDir: dir });
    try {
      expect(await entries(second.url, second.bindDN, second.password, second.peopleDN)).toContain(
        `uid=kept,${second.peopleDN}`,
      );
    } finally {
      await second.stop();
    }
    expect(existsSync(path.join(dir, "db", "data.mdb"))).toBe(true);
  });

  test("the registry's ldap emulator is available and hands out what a client needs", async () => {
    const ldap = emulators.find((emulator) => emulator.name === "ldap")!;
    expect(await ldap.available!()).toBe(true);
    const running = await ldap.start({});
    try {
      expect(running.extra).toMatchObject({
        bindDN: "cn=admin,dc=example,dc=com",
        peopleDN: "ou=people,dc=example,dc=com",
      });
      expect(
        await entries(running.url, running.extra!["bindDN"]!, running.token, running.extra!["groupsDN"]!),
      ).toHaveLength(1);
    } finally {
      await running.stop();
    }
  });
});
