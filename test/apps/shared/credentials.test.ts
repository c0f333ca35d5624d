import { afterEach, describe, expect, it } from "vitest";
import {
  AppSettingsError,
  credentialsMode,
  CredentialsModeError,
  CredentialsWithheldError,
  guardCredentials,
  publicSettings,
  readAppSettings,
} from "../../../provider/apps/shared";
import { configRequest } from "../../support/provider-config";

const ldapSchema = (z: typeof import("zod").z) =>
  z.object({ url: z.string(), bindDN: z.string(), bindPassword: z.string(), flavor: z.string().optional() }).strict();
const write = { url: "ldap://127.0.0.1:1", bindDN: "cn=admin", bindPassword: "write-pw", flavor: "ad" };
const readOnly = { bindDN: "cn=reader", bindPassword: "read-pw" };

/** A provider whose every method records that it ran: the guard decides which ones may. */
function recordingProvider() {
  const calls: string[] = [];
  const provider = {
    configure: async () => void calls.push("configure"),
    check: async (_o: unknown, news: unknown) => (calls.push("check"), { inputs: news }),
    diff: async () => (calls.push("diff"), { changes: true }),
    create: async () => (calls.push("create"), { id: "x", outs: {} }),
    read: async (id: string) => (calls.push("read"), { id }),
    update: async () => (calls.push("update"), { outs: {} }),
    delete: async () => void calls.push("delete"),
  };
  return { calls, provider };
}

afterEach(() => {
  delete process.env.IDLC_CREDENTIALS;
});

describe("credentialsMode", () => {
  const modes = [
    [undefined, "write"],
    ["", "write"],
    ["write", "write"],
    ["none", "none"],
    ["read-only", "read-only"],
  ];
  it.each(modes)("%j → %s", (value, mode) => {
    expect(credentialsMode({ IDLC_CREDENTIALS: value })).toBe(mode);
  });

  it("refuses an unknown value, naming it", () => {
    expect(() => credentialsMode({ IDLC_CREDENTIALS: "readonly" })).toThrow(CredentialsModeError);
    expect(() => credentialsMode({ IDLC_CREDENTIALS: "readonly" })).toThrow(/"readonly"/);
  });
});

describe("guardCredentials in a run without credentials (preview)", () => {
  it("never runs the provider's configure, keeps only non-secret fields, and runs check and diff locally", async () => {
    const { calls, provider } = recordingProvider();
    const g = guardCredentials("ldap", provider as never, "none");
    const readOnlySealed = { bindPassword: { secure: "v1:x:y" } };
    const sealed = { ...write, bindPassword: { secure: "v1:abc:def" }, sandbox: true, readOnly: readOnlySealed };
    await g.configure(configRequest({ "identity:ldap": sealed }) as never);
    expect(publicSettings("ldap")).toEqual({ url: write.url, bindDN: "cn=admin", flavor: "ad" });
    await g.check({}, { employeeId: "E1" });
    await g.diff("id", {}, {});
    expect(calls).toEqual(["check", "diff"]);
  });

  const ops = ["create", "read", "update", "delete"] as const;
  it.each(ops)("fails %s closed with the app, the person and the fix", async (op) => {
    const { calls, provider } = recordingProvider();
    const g = guardCredentials("slack", provider as never, "none");
    const props = { employeeId: "E42" };
    const call = {
      create: () => g.create(props),
      read: () => g.read("id", props),
      update: () => g.update("id", props, props),
      delete: () => g.delete("id", props),
    }[op];
    const err = await call().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialsWithheldError);
    expect((err as Error).message).toBe(
      `slack: ${op} for E42 needs the app's credentials, and this run has none ` +
        "(preview, diff and validate run without secrets)",
    );
    expect((err as CredentialsWithheldError).fix).toMatch(/idlc up/);
    expect(calls).toEqual([]);
  });
});

describe("guardCredentials in a read-only run (refresh)", () => {
  it("configures and reads, and refuses every write", async () => {
    const { calls, provider } = recordingProvider();
    const g = guardCredentials("entra", provider as never, "read-only");
    await g.configure(configRequest({}) as never);
    await g.read("id", { employeeId: "E1" });
    const e1 = { employeeId: "E1" };
    for (const w of [() => g.create(e1), () => g.update("id", {}, e1), () => g.delete("id", e1)]) {
      await expect(w()).rejects.toThrow(/entra: \w+ for E1 writes to the app, and this run holds read-only/);
    }
    expect(calls).toEqual(["configure", "read"]);
  });

  it("leaves a write run's provider as it is", () => {
    const { provider } = recordingProvider();
    expect(guardCredentials("entra", provider as never, "write")).toBe(provider);
  });
});

describe("readAppSettings and identity:<app>.readOnly", () => {
  const req = (value: unknown) => configRequest({ "identity:ldap": value });

  it("uses the write credentials and drops readOnly outside a refresh", () => {
    expect(readAppSettings(req({ ...write, readOnly }), "ldap", ldapSchema)).toEqual(write);
  });

  it("lays the read-only credential over the write one in a refresh", () => {
    process.env.IDLC_CREDENTIALS = "read-only";
    expect(readAppSettings(req({ ...write, readOnly }), "ldap", ldapSchema)).toEqual({ ...write, ...readOnly });
    // Without a readOnly block the app's own credentials serve the refresh.
    expect(readAppSettings(req(write), "ldap", ldapSchema)).toEqual(write);
  });

  it("applies readOnly per SCIM instance", () => {
    process.env.IDLC_CREDENTIALS = "read-only";
    const scim = (z: typeof import("zod").z) =>
      z.record(z.string(), z.object({ baseUrl: z.string(), token: z.string() }));
    const wiki = { baseUrl: "http://b", token: "w2" };
    const value = { hr: { baseUrl: "http://a", token: "w", readOnly: { token: "r" } }, wiki };
    const read = readAppSettings(configRequest({ "identity:scim": value }), "scim", scim);
    expect(read).toEqual({ hr: { baseUrl: "http://a", token: "r" }, wiki });
  });

  it.each([
    ["slack", { token: "x" }, /identity:slack\.readOnly: Slack's SCIM API has no read-only token/],
    [
      "ldap",
      { url: "ldap://x" },
      /identity:ldap\.readOnly\.url: is not a read-only credential field of ldap \(bindDN, bindPass/,
    ],
    ["ldap", "cn=reader", /identity:ldap\.readOnly: is not a map of credential fields/],
  ])("refuses %s readOnly %j", (app, ro, message) => {
    const schema = (z: typeof import("zod").z) => z.looseObject({});
    const req = configRequest({ [`identity:${app}`]: { ...write, readOnly: ro } });
    expect(() => readAppSettings(req, app, schema)).toThrow(message);
  });

  it("names a value still encrypted instead of failing on its type", () => {
    const err = (() => {
      try {
        return readAppSettings(req({ ...write, bindPassword: { secure: "v1:a:b" } }), "ldap", ldapSchema);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppSettingsError);
    expect((err as Error).message).toBe("identity:ldap.bindPassword: is still encrypted: this run holds no passphrase");
  });
});
