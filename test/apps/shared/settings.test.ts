import { describe, expect, it } from "vitest";
import {
  AppNotConfiguredError,
  AppSettingsError,
  appSettingsStore,
  readAppSettings,
} from "../../../provider/apps/shared";
import { configRequest } from "../../support/provider-config";

const schema = (z: typeof import("zod").z) => z.object({ baseUrl: z.string().url(), token: z.string().min(1) });

describe("readAppSettings", () => {
  it("reads and validates identity:<app> JSON", () => {
    const req = configRequest({ "identity:demo": { baseUrl: "http://127.0.0.1:1", token: "x" } });
    expect(readAppSettings(req, "demo", schema)).toEqual({ baseUrl: "http://127.0.0.1:1", token: "x" });
  });

  it.each([
    [{}, /identity:demo: is not set in the stack config/],
    [{ "identity:demo": "not json" }, /identity:demo: is not a JSON object/],
    [{ "identity:demo": { baseUrl: "nope", token: "x" } }, /identity:demo\.baseUrl: /],
    [{ "identity:demo": { baseUrl: "http://h" } }, /identity:demo\.token: /],
  ])("names the key and field for %j", (values, message) => {
    const req = {
      config: {
        get: (k: string) =>
          k in values
            ? typeof (values as any)[k] === "string"
              ? (values as any)[k]
              : JSON.stringify((values as any)[k])
            : undefined,
      },
    };
    const err = (() => {
      try {
        readAppSettings(req, "demo", schema);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppSettingsError);
    expect((err as Error).message).toMatch(message);
    expect((err as AppSettingsError).fix).toMatch(/pulumi config set/);
  });

  it("never echoes the secret value in an error", () => {
    const req = configRequest({ "identity:demo": { baseUrl: "bad-url", token: "hunter2" } });
    expect(() => readAppSettings(req, "demo", schema)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("appSettingsStore", () => {
  it("fails clearly before configure and returns what configure stored", () => {
    const store = appSettingsStore<{ a: number }>("store-test");
    expect(() => store.get()).toThrow(AppNotConfiguredError);
    store.set({ a: 1 });
    expect(appSettingsStore<{ a: number }>("store-test").get()).toEqual({ a: 1 });
  });

  it("after a refused configure, every later call says why and how to fix it, not only the first", () => {
    const app = "refused-test";
    const store = appSettingsStore<{ baseUrl: string; token: string }>(app);
    const refused = configRequest({ [`identity:${app}`]: { baseUrl: "nope", token: "hunter2" } });
    expect(() => readAppSettings(refused, app, schema)).toThrow(AppSettingsError);
    const err = (() => {
      try {
        store.get();
      } catch (e) {
        return e as AppNotConfiguredError;
      }
    })();
    expect(err).toBeInstanceOf(AppNotConfiguredError);
    expect(err?.message).toMatch(/^refused-test: not configured: identity:refused-test\.baseUrl: /);
    expect(err?.fix).toMatch(/pulumi config set --path --secret identity:refused-test/);
    expect(err?.message).not.toContain("hunter2");
    // A configure that then succeeds leaves nothing of it.
    const fixed = { baseUrl: "http://127.0.0.1:1", token: "t" };
    store.set(readAppSettings(configRequest({ [`identity:${app}`]: fixed }), app, schema));
    expect(store.get()).toEqual(fixed);
    expect(() => appSettingsStore(`${app}-never`).get()).toThrow(/used before configure\(\) received/);
  });
});
