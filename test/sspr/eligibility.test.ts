import { describe, expect, it } from "vitest";
import { eligibility, findSubject } from "../../provider/sspr";
import { people, subject } from "./fixtures";

describe("who may reset", () => {
  it.each([
    ["E100", { ok: true }],
    ["E200", { ok: false, refusal: "not-active" }],
    ["E300", { ok: false, refusal: "kill-switch" }],
    ["E400", { ok: false, refusal: "not-active" }],
    ["E500", { ok: false, refusal: "not-active" }],
  ])("%s → %j", (id, expected) => {
    expect(eligibility(people.find((p) => p.employeeId === id))).toEqual(expected);
  });

  it("refuses an unknown person and one without a recovery address", () => {
    expect(eligibility(undefined)).toEqual({ ok: false, refusal: "unknown" });
    expect(eligibility(subject({ recoveryEmail: undefined }))).toEqual({ ok: false, refusal: "no-recovery-address" });
  });

  it("finds a person by work email or username, ignoring case and spaces", () => {
    expect(findSubject(people, "  ADA.Lovelace@example.com ")?.employeeId).toBe("E100");
    expect(findSubject(people, "kim.kill")?.employeeId).toBe("E300");
    expect(findSubject(people, "ada@home.example")).toBeUndefined();
    expect(findSubject(people, "")).toBeUndefined();
  });

  it("matches nobody when an identifier fits two people", () => {
    expect(findSubject([subject(), subject({ employeeId: "E101" })], "ada.lovelace")).toBeUndefined();
  });
});
