/**
 * The kill switch's record: `overrides.yaml` next to the stack's HR export lists emergency terminations that
 * apply now, whatever the export says, until HR's export agrees. Git records who, when and why.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import YAML from "yaml";
import { IdlcError } from "../errors";
import type { Person } from "../hr/person";

export const Override = z.strictObject({
  employeeId: z.string().min(1),
  action: z.literal("terminate"),
  /** When the cutoff was ordered, RFC 3339. Its day becomes the termination date. */
  at: z.string().datetime({ offset: true }),
  by: z.string().min(1),
  reason: z.string().min(1),
});
export type Override = z.infer<typeof Override>;

const OverridesFile = z.strictObject({ overrides: z.array(Override).default([]) });

export class OverridesFileError extends IdlcError {
  override name = "OverridesFileError";
  constructor(file: string, message: string, cause?: unknown) {
    super("OVERRIDES_INVALID", `${file}: ${message}`, {
      fix: "Fix the file by hand: each entry needs employeeId, action: terminate, at (RFC 3339), by and reason.",
      context: { file },
      cause,
    });
  }
}

export function readOverrides(file: string): Override[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = YAML.parse(readFileSync(file, "utf8")) ?? {};
  } catch (cause) {
    throw new OverridesFileError(file, "is not valid YAML", cause);
  }
  const parsed = OverridesFile.safeParse(data);
  if (!parsed.success)
    throw new OverridesFileError(file, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data.overrides;
}

/** Adds one override and writes the file back, keeping the entries in the order they were made. */
export function appendOverride(file: string, override: Override): void {
  const overrides = [...readOverrides(file), Override.parse(override)];
  const header =
    "# Emergency terminations recorded by `idlc kill`. Remove an entry once HR's export shows the termination.\n";
  writeFileSync(file, header + YAML.stringify({ overrides }));
}

/**
 * People as the stack must treat them: each override terminates its person from the override's day on (an
 * earlier termination in HR stands). A person the export does not know is left alone: the override cannot
 * invent an account, and `idlc kill` refuses such ids up front.
 */
export function applyOverrides(people: readonly Person[], overrides: readonly Override[]): Person[] {
  const byId = new Map(overrides.map((o) => [o.employeeId, o]));
  return people.map((person) => {
    const override = byId.get(person.employeeId);
    if (!override) return person;
    const day = override.at.slice(0, 10);
    const terminationDate = person.terminationDate && person.terminationDate < day ? person.terminationDate : day;
    return { ...person, status: "terminated", terminationDate };
  });
}

/** Overrides HR's export now agrees with (terminated on or before the override day): safe to remove. */
export function settledOverrides(people: readonly Person[], overrides: readonly Override[]): Override[] {
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  return overrides.filter((o) => {
    const person = byId.get(o.employeeId);
    return (
      person?.status === "terminated" &&
      person.terminationDate !== undefined &&
      person.terminationDate <= o.at.slice(0, 10)
    );
  });
}
