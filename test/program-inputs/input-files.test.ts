import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { programInputsEnv, ProgramInputsError, readTargetUrns, writeInputFile } from "../../provider/program-inputs";

const urn = (i: number) => `urn:pulumi:prod::identity::pulumi-nodejs:dynamic/idlc:SlackAccount::slack/E${i}`;
const removals: Array<() => void> = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));
const written = (value: unknown) => {
  const input = writeInputFile("idlc-test-targets-", value);
  removals.push(input.remove);
  return input;
};

describe("a targeted run's URNs as a program input", () => {
  it("travel in a private file, so a pass of thousands still starts its program (E2BIG before)", () => {
    // A first up's manager-link pass at ~2,000 people: past the 128 KiB Linux allows one environment entry.
    const targets = Array.from({ length: 5_000 }, (_, i) => urn(i));
    const inEnv = spawnSync(process.execPath, ["-e", "0"], { env: { ...process.env, X: JSON.stringify(targets) } });
    expect((inEnv.error as NodeJS.ErrnoException | undefined)?.code).toBe("E2BIG");
    const input = written(targets);
    expect(statSync(input.file).mode & 0o777).toBe(0o600);
    const env = { ...process.env, ...programInputsEnv({ targetsFile: input.file }) };
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(process.env.IDLC_TARGETS_FILE)"], {
      env,
      encoding: "utf8",
    });
    expect(child.error).toBeUndefined();
    expect(readTargetUrns({ IDLC_TARGETS_FILE: child.stdout })).toEqual(targets);
    input.remove();
    expect(existsSync(input.file)).toBe(false);
  });

  it("are none for a run of the whole stack", () => {
    expect(readTargetUrns({})).toBeUndefined();
  });

  it.each([
    ["an empty list", []],
    ["not a list", { a: 1 }],
    ["an empty URN", [""]],
  ])("refuses a file holding %s, naming the variable, the file and the fix", (_, value) => {
    const { file } = written(value);
    expect(() => readTargetUrns({ IDLC_TARGETS_FILE: file })).toThrow(ProgramInputsError);
    try {
      readTargetUrns({ IDLC_TARGETS_FILE: file });
    } catch (err) {
      expect((err as ProgramInputsError).message).toContain(`IDLC_TARGETS_FILE=${file} is invalid`);
      expect((err as ProgramInputsError).fix).toMatch(/--target/);
    }
  });

  it("refuses a file that is missing or not JSON", () => {
    expect(() => readTargetUrns({ IDLC_TARGETS_FILE: "/nonexistent/idlc-targets.json" })).toThrow(/is invalid/);
    const { file } = written([]);
    writeFileSync(file, "urn:a");
    expect(() => readTargetUrns({ IDLC_TARGETS_FILE: file })).toThrow(/IDLC_TARGETS_FILE=.* is invalid/);
  });
});
