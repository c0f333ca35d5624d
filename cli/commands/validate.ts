/**
 * `idlc validate`: reads the stack's HR export (or one `--file`), validates it, runs the anomaly gate against
 * a previous export, and prints every issue plus people per lifecycle state. Exit 0 clean, 1 data errors
 * (blocking anomalies included unless `--accept-anomalies`), 2 usage errors.
 */
import { Option, type Command } from "commander";
import type { StackSettings } from "../../provider/config";
import type { Issue } from "../../errors";
import type { HrField, IsoDate, Person, PresetName } from "../../provider/hr";
import { lazy } from "../lazy";

/** What an extra check sees: the validated people, the fields the export has, the date, and the stack (absent with `--file`). */
export interface ValidateContext {
  people: Person[];
  fields: HrField[];
  asOf: IsoDate;
  stack: StackSettings | undefined;
}
export type ValidateCheck = (ctx: ValidateContext) => Issue[] | Promise<Issue[]>;

const access = lazy<typeof import("../../provider/access")>("provider/access");
const stackFiles = lazy<typeof import("../../provider/stack-files")>("provider/stack-files");
const action = lazy<typeof import("../actions/validate")>("cli/actions/validate");

/**
 * Hook point: checks run after the HR export is read, in order, their issues reported with the export's
 * (role and persona checks register here, e.g. `extraChecks.push(checkRoles)`).
 */
export const extraChecks: ValidateCheck[] = [
  // Roles, assignment rules, approvals and persona tests of the stack (provider/access).
  async ({ people, fields, asOf, stack }) =>
    stack ? (await access()).checkStackAccess(people, fields, asOf, stack, (await stackFiles()).diskFiles) : [],
];

/**
 * provider/hr's `PresetName.options`, repeated so defining `--preset` does not load provider/hr (zod, csv-parse,
 * date-fns) on every `idlc` start; test/cli/lazy-commands.test.ts keeps the two lists equal.
 */
const presetNames: PresetName[] = ["generic", "bamboohr", "workday", "rippling", "gusto", "personio", "hibob"];

export interface ValidateOptions {
  stack?: string;
  file?: string;
  preset?: PresetName;
  dateFormat?: string;
  previous?: string;
  asOf?: string;
  acceptAnomalies?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command("validate")
    .description("parse and validate the HR export; gate anomalies against a previous export")
    .option("--stack <name>", "stack whose identity:hr export to check (default: PULUMI_STACK, else the only stack)")
    .option("--file <path>", "check one export without a stack")
    .addOption(new Option("--preset <name>", "HR vendor preset").choices(presetNames))
    .option("--date-format <format>", "date-fns format of non-ISO dates, e.g. dd.MM.yyyy")
    .option("--previous <fileOrGitRef>", "previous export: a file, or a git ref (origin/main, HEAD~1) of the same file")
    .option("--as-of <date>", "lifecycle date, yyyy-MM-dd (default: today)")
    .option("--accept-anomalies", "report anomalies as warnings instead of blocking")
    .option("--json", "print the result as JSON on stdout")
    .action(async (options: ValidateOptions) => {
      process.exitCode = await (await action()).runValidate(options, process.cwd(), extraChecks);
    });
}
