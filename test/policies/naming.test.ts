import { describe, expect, it } from "vitest";
import { namingConventions } from "../../policies/rules/naming";
import { happyAccount, runResourcePolicy, unknown } from "./util";

const config = { allowedDomains: ["example.com"] };

describe("#namingConventions", () => {
  it("passes an allowed domain and username", async () => {
    expect((await runResourcePolicy(namingConventions, happyAccount(), { config })).violations).toEqual([]);
  });
  it("rejects a foreign domain", async () => {
    expect(
      (await runResourcePolicy(namingConventions, happyAccount({ email: "jane@gmail.com" }), { config })).violations,
    ).toEqual([expect.stringContaining("must have a slack email in example.com (got 'jane@gmail.com')")]);
  });
  it("rejects a username outside the pattern", async () => {
    expect(
      (await runResourcePolicy(namingConventions, happyAccount({ userName: "Jane Doe" }), { config })).violations,
    ).toEqual([expect.stringContaining("got 'Jane Doe'")]);
  });
  it("allows any domain when none is configured", async () => {
    expect((await runResourcePolicy(namingConventions, happyAccount({ email: "jane@gmail.com" }))).violations).toEqual(
      [],
    );
  });
  it("is advisory by default, for gradual enforcement", () => {
    expect(namingConventions.enforcementLevel).toBe("advisory");
  });
  it("cannot judge an unknown email during preview", async () => {
    expect(
      (await runResourcePolicy(namingConventions, happyAccount({ email: unknown.string }), { config })).unknown,
    ).toBeDefined();
  });
});
