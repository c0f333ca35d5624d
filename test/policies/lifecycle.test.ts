import { describe, expect, it } from "vitest";
import { leaversDisabled, leaveSuspended } from "../../policies/rules/lifecycle";
import { happyAccount, runResourcePolicy, unknown } from "./util";

describe("#leaversDisabled", () => {
  it("passes a disabled leaver", async () => {
    expect(
      (await runResourcePolicy(leaversDisabled, happyAccount({ lifecycle: "terminated", enabled: false }))).violations,
    ).toEqual([]);
  });
  it("rejects an enabled leaver and one who keeps admin", async () => {
    const { violations } = await runResourcePolicy(
      leaversDisabled,
      happyAccount({ lifecycle: "terminated", enabled: true, admin: true }),
    );
    expect(violations).toEqual([
      expect.stringContaining("left (terminated) and must have no enabled slack account"),
      expect.stringContaining("must not keep admin rights in slack"),
    ]);
  });
  it("is not applicable to active people", async () => {
    expect((await runResourcePolicy(leaversDisabled, happyAccount())).violations).toEqual([]);
  });
  it("cannot judge an unknown lifecycle during preview", async () => {
    expect(
      (await runResourcePolicy(leaversDisabled, happyAccount({ lifecycle: unknown.string as never }))).unknown,
    ).toBeDefined();
  });
});

describe("#leaveSuspended", () => {
  it("rejects an enabled account for a person on leave", async () => {
    expect((await runResourcePolicy(leaveSuspended, happyAccount({ lifecycle: "leave" }))).violations).toEqual([
      expect.stringContaining("is on leave"),
    ]);
  });
  it("rejects an enabled account before the start date", async () => {
    expect((await runResourcePolicy(leaveSuspended, happyAccount({ lifecycle: "pre-hire" }))).violations).toEqual([
      expect.stringContaining("not started yet"),
    ]);
  });
  it("passes suspended accounts and is not applicable to active people", async () => {
    expect(
      (await runResourcePolicy(leaveSuspended, happyAccount({ lifecycle: "leave", enabled: false }))).violations,
    ).toEqual([]);
    expect((await runResourcePolicy(leaveSuspended, happyAccount())).violations).toEqual([]);
  });
});
