import { describe, expect, it } from "vitest";
import { formatIssue, IdlcError } from "../../errors";

describe("formatIssue", () => {
  it("prints file:row:column, severity, message and fix", () => {
    expect(
      formatIssue({
        severity: "error",
        code: "X",
        message: "bad email",
        fix: "use name@domain",
        file: "p.csv",
        row: 3,
        column: "email",
      }),
    ).toBe("p.csv:3:email: error: bad email — use name@domain");
  });
  it("omits the location when there is none", () => {
    expect(formatIssue({ severity: "warning", code: "X", message: "m" })).toBe("warning: m");
  });
});

describe("IdlcError", () => {
  it("keeps code, fix, context and cause", () => {
    const cause = new Error("inner");
    const err = new IdlcError("HR_ROW_INVALID", "row 3 is bad", { fix: "fix it", cause, context: { row: 3 } });
    expect([err.code, err.fix, err.context.row, err.cause]).toEqual(["HR_ROW_INVALID", "fix it", 3, cause]);
  });
});
