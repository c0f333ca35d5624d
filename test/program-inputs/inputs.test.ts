import { describe, expect, it } from "vitest";
import {
  PROGRAM_INPUT_VARIABLES,
  programInputsEnv,
  ProgramInputsError,
  readProgramInputs,
} from "../../provider/program-inputs";

describe("program inputs", () => {
  it("travel as environment entries and read back as they were written", () => {
    const inputs = {
      asOf: "2026-12-01",
      heldAccountsFile: "/tmp/idlc-held-x/accounts.json",
      targetsFile: "/tmp/idlc-targets-x/input.json",
      credentials: "none" as const,
    };
    const env = programInputsEnv(inputs);
    expect(env).toEqual({
      IDLC_AS_OF: "2026-12-01",
      IDLC_HELD_ACCOUNTS: "/tmp/idlc-held-x/accounts.json",
      IDLC_TARGETS_FILE: "/tmp/idlc-targets-x/input.json",
      IDLC_CREDENTIALS: "none",
    });
    expect(readProgramInputs(env)).toEqual(inputs);
  });

  it("leaves unset inputs out, and reads an environment without them as none", () => {
    expect(programInputsEnv({ asOf: "2026-12-01", targetsFile: undefined })).toEqual({ IDLC_AS_OF: "2026-12-01" });
    expect(readProgramInputs({ PATH: "/bin", IDLC_AS_OF: "" })).toEqual({});
  });

  it("ignores the rest of the environment", () => {
    expect(readProgramInputs({ HOME: "/root", IDLC_SLAPD: "/usr/sbin/slapd", IDLC_AS_OF: "2026-02-28" })).toEqual({
      asOf: "2026-02-28",
    });
  });

  it.each([
    [{ IDLC_AS_OF: "2026-02-30" }, /IDLC_AS_OF=2026-02-30 is invalid/, /yyyy-MM-dd/],
    [{ IDLC_AS_OF: "01.12.2026" }, /IDLC_AS_OF=01\.12\.2026 is invalid/, /yyyy-MM-dd/],
    [{ IDLC_CREDENTIALS: "admin" }, /IDLC_CREDENTIALS=admin is invalid/, /none, read-only or write/],
  ])("refuses %j, naming the variable and the fix", (env, message, fix) => {
    let error: unknown;
    try {
      readProgramInputs(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProgramInputsError);
    expect((error as ProgramInputsError).message).toMatch(message);
    expect((error as ProgramInputsError).fix).toMatch(fix);
    expect((error as ProgramInputsError).context.variable).toBe(Object.keys(env)[0]);
  });

  it("refuses to write an input that the reader would refuse", () => {
    expect(() => programInputsEnv({ asOf: "tomorrow" })).toThrow(ProgramInputsError);
  });

  it("names one variable per input", () => {
    expect(new Set(Object.values(PROGRAM_INPUT_VARIABLES)).size).toBe(Object.keys(PROGRAM_INPUT_VARIABLES).length);
  });
});
