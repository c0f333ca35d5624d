/**
 * The body of the Pulumi program (`stacks/index.ts`): plan the stack as of today (or `--as-of`) with the accounts the
 * stack holds — both program inputs idlc puts in this process's environment (provider/program-inputs) — fail closed on
 * any input error before a single resource is declared, then declare the identity stack in batches.
 */
import * as pulumi from "@pulumi/pulumi";
import { resourcesForEntraMode } from "../apps/entra-azuread";
import { formatIssue } from "../errors";
import { appResources } from "./app-resources";
import { ProgramInputsError, readProgramInputs, readTargetUrns } from "../program-inputs";
import { IdentityStack, summarize } from "./identity-stack";
import { accountName, HeldAccountsError, loadStackPlan, readHeldAccounts } from "../stack-plan";

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
  const inputs = orRunError(() => readProgramInputs());
  const asOf = options.asOf ?? inputs.asOf ?? new Date().toISOString().slice(0, 10);
  const held = orRunError(() => readHeldAccounts());
  const { plan, issues, stack } = loadStackPlan({
    cwd: options.dir,
    stack: options.stack ?? pulumi.getStack(),
    asOf,
    held,
  });
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    // RunError: the SDK prints the message alone, without a stack trace; the engine keeps the old state.
    throw new pulumi.RunError(
      `the stack's inputs have ${errors.length} error(s); nothing was changed:\n${errors.map((i) => `  ${formatIssue(i)}`).join("\n")}\nRun \`idlc validate\` for details.`,
    );
  }
  // A targeted update (`--target`, `idlc kill`) declares only its targets; the engine keeps everything else as is.
  const targets = orRunError(() => readTargetUrns());
  const only = targets && new Set(targets.map((urn) => urn.split("::").pop()!));
  // Summarised before declaring, so that nothing waiting on the declarations keeps the plan alive: once every
  // resource is declared the program holds no spec (issue #22 item 1).
  const accounts = summarize(plan);
  const identity = new IdentityStack("identity", {
    plan,
    only,
    resources: resourcesForEntraMode(stack.raw, plan, appResources),
    held: held && new Set(held.map(({ app, spec }) => accountName(app, spec.employeeId, spec.instance))),
    batchSize: BATCH_SIZE,
  });
  // The SDK awaits a program that returns a promise; its value is the stack's outputs.
  return identity.declared.then(() => ({ asOf, accounts }));
}

/** A thrown IdlcError would reach the SDK as an uncaught error; a RunError is printed as one clear message. */
function orRunError<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof HeldAccountsError || err instanceof ProgramInputsError)
      throw new pulumi.RunError(`${err.message} — ${err.fix}`);
    throw err;
  }
}
