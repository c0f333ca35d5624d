import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppSettingsError, resolveSandboxSettings } from "../../../provider/apps/shared";

function project(apps: Record<string, unknown>, unavailable: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sbx-"));
  mkdirSync(path.join(dir, ".idlc", "sandbox"), { recursive: true });
  writeFileSync(
    path.join(dir, ".idlc", "sandbox", "sandbox.json"),
    JSON.stringify({ pid: process.pid, startedAt: "", apps, unavailable }),
  );
  return dir;
}

describe("resolveSandboxSettings", () => {
  const dir = project({
    slack: { url: "http://127.0.0.1:1/scim/v2", token: "xoxp-1" },
    scim: { url: "http://127.0.0.1:2/scim/v2", token: "t2" },
    ldap: {
      url: "ldap://127.0.0.1:3",
      token: "admin",
      extra: {
        bindDN: "cn=admin,dc=example,dc=com",
        baseDN: "dc=example,dc=com",
        peopleDN: "ou=people,dc=example,dc=com",
        groupsDN: "ou=groups,dc=example,dc=com",
      },
    },
  });

  it("fills an app's settings from the running sandbox, letting given fields win", () => {
    expect(resolveSandboxSettings("slack", { sandbox: true, paceScale: 20 }, dir)).toEqual({
      baseUrl: "http://127.0.0.1:1/scim/v2",
      token: "xoxp-1",
      paceScale: 20,
    });
    expect(resolveSandboxSettings("ldap", { sandbox: true }, dir)).toMatchObject({
      url: "ldap://127.0.0.1:3",
      bindPassword: "admin",
      flavor: "openldap",
      peopleDN: "ou=people,dc=example,dc=com",
    });
  });
  it("fills each SCIM instance that asks for it and leaves the others alone", () => {
    const real = { baseUrl: "https://api.github.com/scim/v2", token: "ghp" };
    expect(
      resolveSandboxSettings("scim", { github: { sandbox: true, deleteMode: "deactivate" }, zoom: real }, dir),
    ).toEqual({
      github: { baseUrl: "http://127.0.0.1:2/scim/v2", token: "t2", deleteMode: "deactivate" },
      zoom: real,
    });
  });
  it("leaves real settings untouched without reading any sandbox", () => {
    expect(
      resolveSandboxSettings("slack", { baseUrl: "https://api.slack.com/scim/v2", token: "x" }, "/nonexistent"),
    ).toEqual({ baseUrl: "https://api.slack.com/scim/v2", token: "x" });
  });
  it("says how to start the sandbox when none runs, and why an app is missing from it", () => {
    expect(() => resolveSandboxSettings("slack", { sandbox: true }, "/nonexistent")).toThrow(AppSettingsError);
    expect(() => resolveSandboxSettings("slack", { sandbox: true }, "/nonexistent")).toThrow(/none is running/);
    const partial = project({}, { ldap: "slapd is not installed" });
    expect(() => resolveSandboxSettings("ldap", { sandbox: true }, partial)).toThrow(
      /does not run ldap: slapd is not installed/,
    );
  });
});
