import { describe, expect, it } from "vitest";
import {
  azureadConfig,
  entraMode,
  EntraModeError,
  initialPassword,
  userArgs,
} from "../../../provider/apps/entra-azuread";
import { rawConfig, spec } from "./harness";

describe("entraMode", () => {
  it.each([
    [{}, "graph"],
    [{ "identity:entra": { graphUrl: "https://graph.microsoft.com/v1.0", domain: "contoso.com" } }, "graph"],
    [{ "identity:entra": { mode: "graph" } }, "graph"],
    [rawConfig(), "azuread"],
  ])("reads %j as %s", (raw, mode) => {
    expect(entraMode(raw)).toBe(mode);
  });

  it("refuses an unknown mode, naming the key", () => {
    const err = (() => {
      try {
        entraMode({ "identity:entra": { mode: "azure-ad" } });
      } catch (e) {
        return e as EntraModeError;
      }
    })();
    expect(err).toBeInstanceOf(EntraModeError);
    expect(err).toMatchObject({ code: "ENTRA_MODE_INVALID", context: { key: "identity:entra.mode" } });
    expect(err!.message).toMatch(/^identity:entra\.mode: /);
  });

  it("refuses identity:entra that is not a map", () => {
    expect(() => entraMode({ "identity:entra": "azuread" })).toThrow(EntraModeError);
  });
});

describe("azureadConfig", () => {
  it("lower-cases the domain and defaults forcePasswordChange to true", () => {
    expect(azureadConfig(rawConfig())).toMatchObject({
      domain: "contoso.com",
      forcePasswordChange: true,
      companyName: "Contoso",
    });
  });

  it.each([
    [{ initialPasswordSeed: "plain-text-seed-in-the-file" }, "identity:entra.initialPasswordSeed", /must be a secret/],
    [{ initialPasswordSeed: undefined }, "identity:entra.initialPasswordSeed", /must be a secret/],
    [{ domain: "not a domain" }, "identity:entra.domain", /verified domain/],
    [{ adminGroupId: "admins" }, "identity:entra.adminGroupId", /./],
    [{ graphUrl: "https://graph.microsoft.com/v1.0" }, "identity:entra", /graphUrl/],
  ])("refuses %j at %s", (extra, key, message) => {
    const raw = rawConfig(extra);
    try {
      azureadConfig(raw);
      expect.unreachable();
    } catch (err) {
      expect((err as EntraModeError).context.key).toBe(key);
      expect((err as EntraModeError).message).toMatch(message);
    }
  });
});

describe("initialPassword", () => {
  const seed = "a-long-test-seed-of-32-characters";

  it("is the same on every run, different per person and per seed", () => {
    expect(initialPassword(seed, "E1")).toBe(initialPassword(seed, "E1"));
    expect(initialPassword(seed, "E1")).not.toBe(initialPassword(seed, "E2"));
    expect(initialPassword(`${seed}!`, "E1")).not.toBe(initialPassword(seed, "E1"));
  });

  it("meets Entra's complexity rule whatever the hash", () => {
    for (const id of ["E1", "E2", "E1001", "x"]) {
      const password = initialPassword(seed, id);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(password.length).toBeLessThanOrEqual(256);
    }
  });

  it("refuses a short seed", () => {
    expect(() => initialPassword("short", "E1")).toThrow(/initialPasswordSeed: must be at least 16 characters/);
  });
});

describe("userArgs", () => {
  it("keeps a userName that has a domain and leaves absent fields absent", () => {
    const args = userArgs(spec("E7", { userName: "ext.person@fabrikam.com", givenName: "" }), {
      domain: "contoso.com",
      forcePasswordChange: false,
    });
    expect(args).toMatchObject({
      userPrincipalName: "ext.person@fabrikam.com",
      mailNickname: "ext.person",
      forcePasswordChange: false,
    });
    expect(args.givenName).toBeUndefined();
    expect(args.jobTitle).toBeUndefined();
    expect(args.companyName).toBeUndefined();
  });
});
