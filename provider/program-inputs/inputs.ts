import { z } from "zod";
import { errorFamily } from "../errors";

/**
 * The environment variable of each input. They are set only in the environment of the child processes idlc starts
 * (the program, its providers, the Pulumi CLI); idlc never sets them in its own process.
 */
export const PROGRAM_INPUT_VARIABLES = {
  asOf: "IDLC_AS_OF",
  heldAccountsFile: "IDLC_HELD_ACCOUNTS",
  targetsFile: "IDLC_TARGETS_FILE",
  credentials: "IDLC_CREDENTIALS",
} as const;

const isoDate = z.iso.date();

export const ProgramInputs = z.strictObject({
  /** The lifecycle date the program plans with (`--as-of`); today when unset. */
  asOf: isoDate.optional(),
  /** The file with the accounts the stack holds (provider/stack `writeHeldAccounts`). */
  heldAccountsFile: z.string().min(1).optional(),
  /** The file with a targeted run's URNs: the program declares only these (input-files.ts `readTargetUrns`). */
  targetsFile: z.string().min(1).optional(),
  /** Which credentials providers may use (provider/apps/shared/credentials.ts); `write` when unset. */
  credentials: z.enum(["none", "read-only", "write"]).optional(),
});
export type ProgramInputs = z.infer<typeof ProgramInputs>;

type Key = keyof ProgramInputs;

export class ProgramInputsError extends errorFamily<"PROGRAM_INPUT_INVALID">("ProgramInputsError") {}

const encode: { [K in Key]-?: (value: NonNullable<ProgramInputs[K]>) => string } = {
  asOf: (v) => v,
  heldAccountsFile: (v) => v,
  targetsFile: (v) => v,
  credentials: (v) => v,
};

/** The child-environment entries that carry `inputs` (unset ones are left out). */
export function programInputsEnv(inputs: ProgramInputs): Record<string, string> {
  const valid = validated(inputs, (key) => `${key}`);
  const env: Record<string, string> = {};
  for (const key of Object.keys(PROGRAM_INPUT_VARIABLES) as Key[]) {
    const value = valid[key];
    if (value !== undefined) env[PROGRAM_INPUT_VARIABLES[key]] = (encode[key] as (v: unknown) => string)(value);
  }
  return env;
}

/**
 * The inputs found in `env` (the program's or a provider's own environment), validated.
 * @throws ProgramInputsError naming the variable, its value and the fix.
 */
export function readProgramInputs(env: NodeJS.ProcessEnv = process.env): ProgramInputs {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(PROGRAM_INPUT_VARIABLES) as Key[]) {
    const text = env[PROGRAM_INPUT_VARIABLES[key]];
    if (text === undefined || text === "") continue;
    raw[key] = text;
  }
  return validated(raw, (key) => `${PROGRAM_INPUT_VARIABLES[key]}=${env[PROGRAM_INPUT_VARIABLES[key]] ?? ""}`);
}

function validated(value: unknown, shown: (key: Key) => string): ProgramInputs {
  const parsed = ProgramInputs.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path[0] as Key;
  throw invalid(key, shown(key), issue.message);
}

const fixes: Record<Key, string> = {
  asOf: "write the date as yyyy-MM-dd, e.g. IDLC_AS_OF=2026-12-01, or unset it for today",
  heldAccountsFile: "run through `idlc` (it writes this file), or unset IDLC_HELD_ACCOUNTS",
  targetsFile: "run through `idlc up --target` (it writes this file), or unset IDLC_TARGETS_FILE",
  credentials: "set IDLC_CREDENTIALS to none, read-only or write, or unset it",
};

function invalid(key: Key, shown: string, reason: string): ProgramInputsError {
  return new ProgramInputsError("PROGRAM_INPUT_INVALID", `program input ${shown} is invalid: ${reason}`, fixes[key], {
    variable: PROGRAM_INPUT_VARIABLES[key],
  });
}
