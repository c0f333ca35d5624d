import { z } from "zod";
import { EmploymentType, IsoDate } from "../../hr/person";

/** Role, rule and group ids: lower-case, readable in a PR, safe in resource names. */
export const RoleId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' or '-'");

/** A group an entitlement puts the account in; a bare string is shorthand for `{name}`. */
export const GroupRef = z.union([
  z
    .string()
    .min(1)
    .transform((name) => ({ name })),
  z.object({ name: z.string().min(1), description: z.string().optional() }).strict(),
]);

/** What a role grants in one app (or one SCIM instance). Any entitlement implies the account itself. */
export const Entitlement = z
  .object({
    /** SCIM only: which configured instance (`identity:scim.<instance>`). */
    instance: RoleId.optional(),
    account: z.boolean().default(true),
    groups: z.array(GroupRef).default([]),
    admin: z.boolean().default(false),
    license: z.string().min(1).optional(),
  })
  .strict();
export type Entitlement = z.infer<typeof Entitlement>;

/**
 * A role as written in YAML. Entitlement keys are checked against `AppName` separately, so an unknown app
 * gets a "did you mean" message instead of zod's generic one.
 */
export const RoleInput = z
  .object({
    id: RoleId,
    description: z.string().default(""),
    owner: z.string().default(""),
    entitlements: z.record(z.string(), z.union([Entitlement, z.array(Entitlement)])).default({}),
    inherits: z.array(RoleId).default([]),
    conflictsWith: z.array(RoleId).default([]),
    requiresApproval: z.boolean().default(false),
    privileged: z.boolean().default(false),
  })
  .strict();
export type RoleInput = z.infer<typeof RoleInput>;

const OneOrMany = z.union([
  z
    .string()
    .min(1)
    .transform((v) => [v]),
  z.array(z.string().min(1)).min(1),
]);

/** Attribute conditions, all of which must hold; a list means "any of these". Text compares case-insensitively. */
export const RuleMatch = z
  .object({
    department: OneOrMany.optional(),
    division: OneOrMany.optional(),
    location: OneOrMany.optional(),
    costCenter: OneOrMany.optional(),
    employmentType: z.union([EmploymentType.transform((v) => [v]), z.array(EmploymentType).min(1)]).optional(),
    /** A regular expression tested against the title, case-insensitive. */
    titlePattern: z.string().min(1).optional(),
    /** Employee id of a manager: matches everyone below them, directly or transitively. */
    reportsTo: OneOrMany.optional(),
  })
  .strict()
  .refine(
    (m) => Object.keys(m).length > 0,
    "a match needs at least one condition; use `birthright: true` for everyone",
  );
export type RuleMatch = z.infer<typeof RuleMatch>;

/** An assignment rule: `birthright` (everyone in the program, optionally by employment type) or `match`. */
export const RuleInput = z
  .object({
    id: RoleId,
    description: z.string().default(""),
    birthright: z.literal(true).optional(),
    employmentTypes: z.array(EmploymentType).min(1).optional(),
    match: RuleMatch.optional(),
    roles: z.array(RoleId).min(1),
  })
  .strict()
  .refine(
    (r) => (r.birthright === true) !== (r.match !== undefined),
    "give exactly one of `birthright: true` or `match`",
  )
  .refine(
    (r) => r.employmentTypes === undefined || r.birthright === true,
    "`employmentTypes` belongs to birthright rules; use match.employmentType",
  );
export type RuleInput = z.infer<typeof RuleInput>;

/** A time-bound grant of one role to one person; from `from` (inclusive) until `until` (inclusive). */
export const GrantInput = z
  .object({
    employeeId: z.string().min(1),
    role: RoleId,
    from: IsoDate.optional(),
    until: IsoDate,
    reason: z.string().default(""),
  })
  .strict()
  .refine((g) => g.from === undefined || g.from <= g.until, "`from` must not be after `until`");
export type GrantInput = z.infer<typeof GrantInput>;
