import { afterEach, describe, expect, it } from "vitest";
import { projectProvider } from "../../../provider/apps/shared";
import { rehydrateProvider } from "../../support/stored-provider";

const calls = () => ((globalThis as { __countingProviderCalls?: string[] }).__countingProviderCalls ??= []);
type Provider = import("@pulumi/pulumi").dynamic.ResourceProvider;
/** The stand-in as the dynamic-provider host loads it from a resource's `__provider`. */
const standIn = () =>
  rehydrateProvider<Provider>(projectProvider("test/apps/shared/fixtures/counting-provider", "countingProvider"));

afterEach(() => {
  delete process.env.IDLC_CREDENTIALS;
  calls().length = 0;
});

describe("projectProvider", () => {
  it("loads the project's provider and answers check with the spec unpacked", async () => {
    const p = standIn();
    const inputs = { spec: { employeeId: "E1", title: undefined }, __provider: "text" };
    for (let i = 0; i < 3; i++)
      expect(await p.check!({}, inputs)).toEqual({ inputs: { employeeId: "E1", __provider: "text" } });
    expect(calls()).toEqual(["check", "check", "check"]);
  });

  // The guard is the project's own module, required by the stand-in: not the instance this test imports.
  it("guards each call with the credentials mode of that call, though the provider is loaded once", async () => {
    const p = standIn();
    expect(await p.create!({ employeeId: "E1" })).toEqual({ id: "E1", outs: { employeeId: "E1" } });
    process.env.IDLC_CREDENTIALS = "none";
    await expect(p.create!({ employeeId: "E1" })).rejects.toMatchObject({ code: "CREDENTIALS_WITHHELD" });
    delete process.env.IDLC_CREDENTIALS;
    expect(await p.create!({ employeeId: "E2" })).toEqual({ id: "E2", outs: { employeeId: "E2" } });
    expect(calls()).toEqual(["create", "create"]);
  });

  // The text goes into every resource's inputs and outputs and is decoded in each Check and Diff.
  it("is a text that only names the modules to load", () => {
    const text = projectProvider("provider/apps/slack/provider", "slackAccountProvider");
    expect(text).toContain('"provider/apps/slack/provider", "slackAccountProvider"');
    expect(text).toContain('"provider/apps/shared/hosted-provider"');
    expect(text).not.toMatch(/JSON\.stringify|guardCredentials|spec/);
    expect(text.length).toBeLessThan(1_000);
  });

  // A module path or export name can never turn into code in the text.
  it("quotes what it names", () => {
    const p = rehydrateProvider<Provider>(projectProvider('x"); throw new Error("injected', "y"));
    expect(Object.keys(p)).toEqual(["configure", "check", "diff", "create", "read", "update", "delete"]);
  });
});
