/**
 * Program inputs too large for an environment variable travel as files: Linux refuses to start a process with any
 * one environment entry over 128 KiB (E2BIG), which a first `up` of ~2,000 people reached with the URNs of its
 * manager-link pass. A file is written 0600 in a private temporary directory and removed after the run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { PROGRAM_INPUT_VARIABLES, ProgramInputsError, readProgramInputs } from "./inputs";

/** Writes `value` as JSON into a new private directory; returns the file and its removal. */
export function writeInputFile(prefix: string, value: unknown): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, "input.json");
  writeFileSync(file, JSON.stringify(value), { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const TargetUrns = z.array(z.string().min(1)).min(1);

/**
 * A targeted run's URNs (`--target`, `idlc kill`, a cutoff or manager-link pass) from the file `idlc` named in
 * IDLC_TARGETS_FILE; undefined for a run of the whole stack.
 * @throws ProgramInputsError naming the file, what is wrong with it and the fix.
 */
export function readTargetUrns(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const file = readProgramInputs(env).targetsFile;
  if (!file) return undefined;
  const fail = (reason: string, cause?: unknown) =>
    new ProgramInputsError(
      "PROGRAM_INPUT_INVALID",
      `program input ${PROGRAM_INPUT_VARIABLES.targetsFile}=${file} is invalid: ${reason}`,
      `run through \`idlc up --target\` (it writes this file), or unset ${PROGRAM_INPUT_VARIABLES.targetsFile}`,
      { variable: PROGRAM_INPUT_VARIABLES.targetsFile },
      cause,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw fail((cause as Error).message, cause);
  }
  const urns = TargetUrns.safeParse(parsed);
  if (!urns.success) throw fail("not a non-empty list of URNs");
  return urns.data;
}
