/**
 * @module cli
 * `idlc` entry point: builds the commander program from the command list and maps errors to exit codes.
 */
import { buildProgram } from "./program";
import { reportAndExit } from "./exit";

buildProgram().parseAsync(process.argv).catch(reportAndExit);
