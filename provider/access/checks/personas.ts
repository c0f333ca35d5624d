import { z } from "zod";
import type { Issue } from "../../errors";
import { EmploymentType, LifecycleState } from "../../hr/person";
import { AccessCode, AccessFileError } from "../errors";
import { readYaml, zodIssues } from "../roles/yaml-source";

const OneOrMany = z.union([
  z
    .string()
    .min(1)
    .transform((v) => [v]),
  z.array(z.string().min(1)).min(1),
]);

function compiles(pattern: string): boolean {
  try {
    return new RegExp(pattern) instanceof RegExp;
  } catch {
    return false;
  }
}

/** Which people of the plan a persona or invariant speaks about; all conditions must hold, text ignores case. */
export const PersonaMatch = z
  .object({
    employeeId: OneOrMany.optional(),
    department: OneOrMany.optional(),
    title: OneOrMany.optional(),
    titlePattern: z
      .string()
      .min(1)
      .refine((p) => compiles(p), "not a regular expression")
      .optional(),
    location: OneOrMany.optional(),
    employmentType: z.array(EmploymentType).min(1).optional(),
    /** Default `active`: a persona describes people at work. */
    lifecycle: z.array(LifecycleState).min(1).default(["active"]),
  })
  .strict();
export type PersonaMatch = z.infer<typeof PersonaMatch>;

/** An invariant speaks about everyone matching, whatever their lifecycle state, unless it says otherwise. */
const InvariantMatch = PersonaMatch.extend({
  lifecycle: z
    .array(LifecycleState)
    .min(1)
    .default([...LifecycleState.options]),
});

/** "Everyone matching gets exactly these apps and groups": app keys are `slack` or `scim:<instance>`. */
export const Persona = z
  .object({
    name: z.string().min(1),
    match: PersonaMatch,
    expect: z
      .object({
        apps: z.array(z.string()).optional(),
        groups: z.record(z.string(), z.array(z.string())).optional(),
        includesRoles: z.array(z.string()).optional(),
        admin: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

/** "Nobody matching ever …": holds all of `allRoles` together, any of `anyRole`, any of `apps`, or admin anywhere. */
export const Invariant = z
  .object({
    name: z.string().min(1),
    match: InvariantMatch.prefault({}),
    never: z
      .object({
        allRoles: z.array(z.string()).min(2).optional(),
        anyRole: z.array(z.string()).min(1).optional(),
        apps: z.array(z.string()).min(1).optional(),
        admin: z.literal(true).optional(),
      })
      .strict()
      .refine((n) => Object.keys(n).length > 0, "say what must never hold: allRoles, anyRole, apps or admin"),
  })
  .strict();

type Sourced<T> = T & { source: { file: string; row: number } };
export type PersonaDef = Sourced<z.infer<typeof Persona>>;
export type InvariantDef = Sourced<z.infer<typeof Invariant>>;
export interface Personas {
  personas: PersonaDef[];
  invariants: InvariantDef[];
  issues: Issue[];
}

/**
 * Reads a stack's `personas.yaml`: `personas:` (exact expectations) and `invariants:` (what must never hold).
 * @throws AccessFileError when the text is not YAML or the top level is not that mapping.
 */
export function parsePersonasYaml(text: string, file: string): Personas {
  const yaml = readYaml(text, file);
  const top = z
    .object({
      personas: z
        .array(z.unknown())
        .nullish()
        .transform((v) => v ?? []),
      invariants: z
        .array(z.unknown())
        .nullish()
        .transform((v) => v ?? []),
    })
    .strict()
    .safeParse(yaml.data ?? {});
  if (!top.success)
    throw new AccessFileError(
      `${file} must be a mapping with \`personas\` and/or \`invariants\` lists`,
      "list personas under `personas:` and invariants under `invariants:`",
      { file },
    );
  const issues: Issue[] = [];
  const at = (path: ReadonlyArray<string | number>) => ({ file, row: yaml.lineOf(path) });
  const read = <S extends z.ZodType>(key: "personas" | "invariants", schema: S) =>
    top.data[key].flatMap((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return [{ ...(parsed.data as z.infer<S> & object), source: at([key, index]) }];
      issues.push(
        ...zodIssues(parsed.error, AccessCode.personaInvalid, `${key.slice(0, -1)} #${index + 1}`, at, [key, index]),
      );
      return [];
    });
  return {
    personas: read("personas", Persona) as PersonaDef[],
    invariants: read("invariants", Invariant) as InvariantDef[],
    issues,
  };
}
