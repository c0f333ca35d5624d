import { z } from "zod";
import type { Issue } from "../../errors";
import { AccessCode, AccessFileError } from "../errors";
import { normalizeRole, type RoleSources } from "./role-model";
import { GrantInput, RoleInput, RuleInput } from "./role-schema";
import { readYaml, zodIssues } from "./yaml-source";

const RoleFileShape = z
  .object({
    roles: z
      .array(z.unknown())
      .nullish()
      .transform((v) => v ?? []),
    rules: z
      .array(z.unknown())
      .nullish()
      .transform((v) => v ?? []),
    grants: z
      .array(z.unknown())
      .nullish()
      .transform((v) => v ?? []),
  })
  .strict();

/**
 * Reads a roles YAML file: `roles:` (definitions), `rules:` (assignment rules) and `grants:` (time-bound grants).
 * Each item is validated on its own, so every bad item is reported and the good ones still load.
 * @throws AccessFileError when the text is not YAML or the top level is not that mapping.
 */
export function parseRolesYaml(text: string, file: string): RoleSources {
  const yaml = readYaml(text, file);
  const top = RoleFileShape.safeParse(yaml.data ?? {});
  if (!top.success) {
    throw new AccessFileError(
      `${file} must be a mapping with \`roles\`, \`rules\` and/or \`grants\` lists`,
      "put role definitions under `roles:`, assignment rules under `rules:` and time-bound grants under `grants:`",
      { file },
    );
  }
  const issues: Issue[] = [];
  const at = (path: ReadonlyArray<string | number>) => ({ file, row: yaml.lineOf(path) });
  const items = <S extends z.ZodType>(key: "roles" | "rules" | "grants", schema: S, what: string) =>
    top.data[key].flatMap((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return [{ value: parsed.data as z.infer<S>, where: at([key, index]) }];
      issues.push(...zodIssues(parsed.error, codeOf(key), `${what} ${labelOf(raw, index)}`, at, [key, index]));
      return [];
    });
  const roles = items("roles", RoleInput, "role").map(({ value, where }) => normalizeRole(value, where, issues));
  const rules = items("rules", RuleInput, "rule").map(({ value, where }) => ({ ...value, source: where }));
  const grants = items("grants", GrantInput, "grant").map(({ value, where }) => ({ ...value, source: where }));
  return { roles, rules, grants, issues };
}

function codeOf(key: "roles" | "rules" | "grants") {
  return key === "roles" ? AccessCode.roleInvalid : key === "rules" ? AccessCode.ruleInvalid : AccessCode.grantInvalid;
}

function labelOf(raw: unknown, index: number): string {
  const id = raw && typeof raw === "object" && "id" in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === "string" ? `'${id}'` : `#${index + 1}`;
}
