/**
 * The body of the Pulumi program (`stacks/index.ts`): plan the stack as of today (or `IDLC_AS_OF`, set by
 * `idlc preview --as-of`) with the accounts the stack holds (`IDLC_HELD_ACCOUNTS`, set by idlc), fail closed on
 * any input error before a single resource is declared, then declare the identity stack in batches.
 */
import * as pulumi from "@pulumi/pulumi";
import { resourcesForEntraMode } from "../apps/entra-azuread";
import { formatIssue } from "../errors";
import { appResources } from "./app-resources";
import { HeldAccountsError, readHeldAccounts } from "./held-accounts";
import { IdentityStack, summarize } from "./identity-stack";
import { loadStackPlan } from "./load-plan";

/**
 * Resources declared at a time (`IdentityStack` batchSize): bounds what the program holds while the engine works
 * through an org of thousands (bench/identity-stack, docs/BENCHMARKS.md).
 */
const BATCH_SIZE = 200;

export interface IdentityProgramOptions {
  /** Directory of the program (`stacks/`): the project and stack files are found from here. */
  dir: string;
  stack?: string;
  asOf?: string;
}

export function identityProgram(options: IdentityProgramOptions) {
  const asOf = options.asOf ?? process.env.IDLC_AS_OF ?? new Date().toISOString().slice(0, 10);
  const held = heldAccountsOrRunError();
  const { plan, issues, stack } = loadStackPlan({ cwd: options.dir, stack: options.stack ?? pulumi.getStack(), asOf, held });
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    // RunError: the SDK prints the message alone, without a stack trace; the engine keeps the old state.
    throw new pulumi.RunError(
      `the stack's inputs have ${errors.length} error(s); nothing was changed:\n${errors.map((i) => `  ${formatIssue(i)}`).join("\n")}\nRun \`idlc validate\` for details.`,
    );
  }
  // A targeted update (`--target`, `idlc kill`) declares only its targets; the engine keeps everything else as is.
  const targets = process.env.IDLC_TARGET_URNS ? (JSON.parse(process.env.IDLC_TARGET_URNS) as string[]) : undefined;
  const only = targets && new Set(targets.map((urn) => urn.split("::").pop()!));
  const identity = new IdentityStack("identity", { plan, only, resources: resourcesForEntraMode(stack.raw, plan, appResources), batchSize: BATCH_SIZE });
  // The SDK awaits a program that returns a promise; its value is the stack's outputs.
  return identity.declared.then(() => ({ asOf, accounts: summarize(plan) }));
}

/** A thrown IdlcError would reach the SDK as an uncaught error; a RunError is printed as one clear message. */
function heldAccountsOrRunError() {
  try {
    return readHeldAccounts();
  } catch (err) {
    if (err instanceof HeldAccountsError) throw new pulumi.RunError(`${err.message} — ${err.fix}`);
    throw err;
  }
}
