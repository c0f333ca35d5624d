/**
 * @module program-inputs
 * What idlc hands its Pulumi program and providers besides the stack config: the lifecycle date, the held-accounts
 * file, the file of a targeted run's URNs and the credentials mode. Written into a child's environment (`programInputsEnv`),
 * read and validated there (`readProgramInputs`); the engine passes that environment through without knowing a name.
 */
export {
  programInputsEnv,
  readProgramInputs,
  ProgramInputs,
  ProgramInputsError,
  PROGRAM_INPUT_VARIABLES,
} from "./inputs";
export { readTargetUrns, writeInputFile } from "./input-files";
