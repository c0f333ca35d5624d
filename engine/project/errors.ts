import { errorFamily } from "../../errors";

/** Stable codes of the project folder. */
export const ProjectCode = {
  notFound: "PROJECT_NOT_FOUND",
  invalid: "PROJECT_INVALID",
  stackConfigInvalid: "STACK_CONFIG_INVALID",
  stackNameInvalid: "STACK_NAME_INVALID",
  stackNotChosen: "STACK_NOT_CHOSEN",
  secretNeedsPassphrase: "CONFIG_SECRET_NEEDS_PASSPHRASE",
  saltMismatch: "CONFIG_SALT_MISMATCH",
  keyInvalid: "CONFIG_KEY_INVALID",
} as const;
export type ProjectCode = (typeof ProjectCode)[keyof typeof ProjectCode];

/** A problem with Pulumi.yaml, Pulumi.<stack>.yaml or a config key; `context.file` names the file. */
export class ProjectError extends errorFamily<ProjectCode>("ProjectError") {}
