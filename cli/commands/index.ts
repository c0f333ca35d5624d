/**
 * Every `idlc` command. Each file in this folder exports one `register(program)`; add yours to the list.
 */
import type { Command } from "commander";
import * as validate from "./validate";
import * as diff from "./diff";
import * as sandbox from "./sandbox";
import * as preview from "./preview";
import * as up from "./up";
import * as refresh from "./refresh";
import * as destroy from "./destroy";
import * as stackOutput from "./stack-output";
import * as config from "./config";
import * as history from "./history";
import * as audit from "./audit";
import * as report from "./report";
import * as codeowners from "./codeowners";
import * as kill from "./kill";
import * as hr from "./hr";
import * as sspr from "./sspr";
import * as shards from "./shards";

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  validate.register,
  diff.register,
  sandbox.register,
  preview.register,
  up.register,
  refresh.register,
  destroy.register,
  stackOutput.register,
  config.register,
  history.register,
  audit.register,
  report.register,
  codeowners.register,
  kill.register,
  hr.register,
  sspr.register,
  shards.register,
];
