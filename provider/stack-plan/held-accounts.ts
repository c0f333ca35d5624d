/**
 * The accounts a stack holds, read from its state by `idlc` and handed to the program in a file named by
 * `IDLC_HELD_ACCOUNTS`: the memory `keepRevokedAccounts` needs to disable, rather than delete, an account a mover
 * no longer gets. Written 0600 in a private temporary directory and removed after the run: it holds names and
 * addresses, never a credential (account inputs carry none).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { HeldAccount } from "../access";
import { AccountSpec, AppName } from "../access/account-spec";
import { errorFamily } from "../errors";
import { PROGRAM_INPUT_VARIABLES, programInputsEnv, readProgramInputs, writeInputFile } from "../program-inputs";
import { accountAppOf } from "./names";

export const HELD_ACCOUNTS_ENV = PROGRAM_INPUT_VARIABLES.heldAccountsFile;

const HeldAccounts = z.array(z.object({ app: AppName, spec: AccountSpec }));

/**
 * idlc's accounts among a state's resources. One whose inputs are not an account spec (written by another
 * version, or by hand) is left out: it is then not kept, and a provider refuses to delete it while enabled.
 */
export function heldAccounts(
  resources: ReadonlyArray<{ type: string; inputs?: Record<string, unknown>; delete?: boolean }>,
): HeldAccount[] {
  return resources.flatMap((r) => {
    const app = accountAppOf(r.type);
    const spec = app && !r.delete ? AccountSpec.safeParse(r.inputs ?? {}) : undefined;
    return app && spec?.success ? [{ app, spec: spec.data }] : [];
  });
}

/** Writes the held accounts for the program; returns the file, the child-environment entry naming it, and a cleanup. */
export function writeHeldAccounts(held: readonly HeldAccount[]): {
  file: string;
  env: Record<string, string>;
  remove: () => void;
} {
  const { file, remove } = writeInputFile("idlc-held-", held);
  return { file, env: programInputsEnv({ heldAccountsFile: file }), remove };
}

export class HeldAccountsError extends errorFamily<"HELD_ACCOUNTS_UNREADABLE" | "HELD_ACCOUNTS_INVALID">(
  "HeldAccountsError",
) {}

/** The held accounts `idlc` passed, or undefined when the program runs without it (e.g. under `pulumi up`). */
export function readHeldAccounts(env: NodeJS.ProcessEnv = process.env): HeldAccount[] | undefined {
  const file = readProgramInputs(env).heldAccountsFile;
  if (!file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new HeldAccountsError(
      "HELD_ACCOUNTS_UNREADABLE",
      `cannot read the stack's held accounts from ${file}: ${(cause as Error).message}`,
      `run through \`idlc\` again (it writes this file), or unset ${HELD_ACCOUNTS_ENV}`,
      { file },
      cause,
    );
  }
  const held = HeldAccounts.safeParse(parsed);
  if (!held.success) {
    throw new HeldAccountsError(
      "HELD_ACCOUNTS_INVALID",
      `${file} is not a list of held accounts: ${held.error.issues[0]?.message}`,
      `run through \`idlc\` again (it writes this file), or unset ${HELD_ACCOUNTS_ENV}`,
      { file },
    );
  }
  return held.data;
}
