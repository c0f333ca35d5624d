/**
 * @module stack-files
 * The shell around the pure core: reads a stack's HR export and access files from disk or from a git ref, so
 * provider/hr and provider/access take text and never touch the file system or git.
 */
export { diskFiles, filesAtRef, readHrFile } from "./disk";
export { readFromFileOrGitRef } from "./git-source";
export { planBefore, type PlanBefore } from "./plan-before";
