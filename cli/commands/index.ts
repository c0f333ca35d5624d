/**
 * Every `idlc` command. Each file in this folder exports one `register(program)`; add yours to the list.
 */
import type { Command } from "commander";
import * as validate from "./validate";

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  validate.register,
];
