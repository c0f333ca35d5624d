import { z } from "zod";
import { EmploymentType, HrStatus, LifecycleSettings } from "../hr/person";
import { HrField } from "../hr/fields";
import { isEncodingLabel } from "../hr/decode";
import { PresetName } from "../hr/presets";

/**
 * `identity:hr.source` (the HR system `idlc hr pull` reads; checked strictly by provider/hr-sources when pulling)
 * and `identity:hr.fastLane` (`leavers`: `--apply-leavers` may apply terminations before the PR).
 */
const hrPullKeys = {
  source: z.looseObject({ vendor: z.string().min(1) }).optional(),
  fastLane: z.enum(["leavers"]).optional(),
};

/** `identity:hr`: where the stack's HR export lives and how to read it. */
export const HrSettings = z.strictObject({
  /** Path of the export, relative to the stack config directory (`stackConfigDir`). */
  file: z.string().min(1),
  preset: PresetName.default("generic"),
  /** Canonical field → header in the file, for headers no preset knows. */
  mapping: z.partialRecord(HrField, z.string().min(1)).optional(),
  /** date-fns format of the export's non-ISO dates, e.g. `dd.MM.yyyy`. */
  dateFormat: z.string().min(1).optional(),
  allowedDomains: z.array(z.string().min(1)).optional(),
  /** The company's own status words → idlc's statuses, e.g. `{ "notice period": active }`. */
  statusWords: z.record(z.string().min(1), HrStatus).optional(),
  /** The company's own employment type words, e.g. `{ "freelance (de)": contractor }`. */
  employmentWords: z.record(z.string().min(1), EmploymentType).optional(),
  /**
   * A contractor without a contract end date: `warning` (default) lists them and provisions them; `error` stops
   * the whole export until HR records one, for companies that require time-bound contractor access.
   */
  contractorEndDate: z.enum(["error", "warning"]).default("warning"),
  /**
   * The export's encoding when it is not UTF-8, e.g. `windows-1250` for a Central-European Excel "CSV". Unset, a
   * file that is not UTF-8 is read as Windows-1252 with a warning quoting the lines that choice decided.
   */
  encoding: z
    .string()
    .refine(isEncodingLabel, { message: "not an encoding name (e.g. windows-1250, iso-8859-2, macintosh, cp850)" })
    .optional(),
  ...hrPullKeys,
});
export type HrSettings = z.infer<typeof HrSettings>;

/** `identity:anomaly`: the gate against a truncated export (see `checkAnomalies`). */
export const AnomalySettings = z.strictObject({
  maxDropPercent: z.number().min(0).max(100).default(5),
  maxDepartmentChangePercent: z.number().min(0).max(100).default(15),
});
export type AnomalySettings = z.infer<typeof AnomalySettings>;

/** `identity:sspr`: the password-reset portal (provider/sspr, docs/SSPR.md). Secrets are `secure:` values. */
export const SsprSettings = z.strictObject({
  /** Where people reach the portal; every link is built from it, never from a request's Host header. */
  publicUrl: z.url(),
  /** The password authorities, written in this order. */
  targets: z
    .array(z.enum(["ldap", "entra", "google"]))
    .min(1)
    .default(["ldap"]),
  minLength: z.number().int().min(8).default(15),
  maxLength: z.number().int().min(64).default(64),
  /** Ask each target to require a change at next sign-in (off: the person chose this password). */
  forceChange: z.boolean().default(false),
  /** Each link also needs a 6-digit code sent to the work mailbox (10 minutes, 3 tries). */
  codes: z.boolean().default(false),
  /** express `trust proxy` for a reverse proxy in front, e.g. `loopback` or `10.0.0.0/8`. */
  trustProxy: z.union([z.boolean(), z.string(), z.number()]).default(false),
  /**
   * What people know each target as, on the portal's pages and in its mail (e.g. `ldap: Company sign-in`); a target
   * not named here shows its kind's name: "Company directory (LDAP)", "Microsoft 365", "Google Workspace".
   */
  names: z
    .partialRecord(
      z.enum(["ldap", "entra", "google"]),
      z
        .string()
        .trim()
        .min(1)
        .max(80)
        .regex(/^[^\r\n]+$/),
    )
    .default({}),
  /** Words no password may contain besides the person's own: the company's names and products. */
  companyWords: z.array(z.string().min(1)).default([]),
  smtp: z.union([
    z.strictObject({ sandbox: z.literal(true), from: z.string().min(3).default("it-helpdesk@example.com") }),
    z.strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(587),
      starttls: z.boolean().default(true),
      user: z.string().min(1).optional(),
      password: z.unknown().optional(),
      from: z.string().min(3),
    }),
  ]),
});
export type SsprSettings = z.infer<typeof SsprSettings>;

/** An app key a shard holds: an app (`slack`, every SCIM instance for `scim`) or one SCIM instance (`scim:github`). */
const ShardApp = z.string().regex(/^(entra|google|slack|ldap|scim(:[A-Za-z0-9_-]+)?)$/, {
  message: "must be an app key: entra, google, slack, ldap, scim or scim:<instance>",
});

/**
 * `identity:shard`: this stack is one shard of a deployment (docs/SHARDS.md). It holds `apps` (default: all of
 * the base's) for the people whose employee id hashes to `bucket` of `buckets` (default: everyone); every shared
 * setting (HR export, roles, lifecycle, safety) comes from the `base` stack's file, so siblings cannot drift.
 */
export const ShardSettings = z
  .strictObject({
    deployment: z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: "must be a stack-name-like word, e.g. prod" }),
    /** The stack whose file holds the deployment's shared settings (HR, roles, lifecycle, safety). */
    base: z.string().min(1),
    apps: z.array(ShardApp).min(1).optional(),
    bucket: z.number().int().min(0).optional(),
    buckets: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((s) => (s.bucket === undefined) === (s.buckets === undefined), {
    message: "bucket and buckets go together: set both (e.g. bucket: 0, buckets: 2) or neither",
  })
  .refine((s) => s.bucket === undefined || s.bucket < s.buckets!, {
    message: "bucket must be below buckets (0 … buckets-1)",
  })
  .refine((s) => s.apps !== undefined || s.buckets !== undefined, {
    message: "a shard needs apps, a people bucket (bucket/buckets), or both",
  });
export type ShardSettings = z.infer<typeof ShardSettings>;

/**
 * Every `identity:<key>` of a stack, namespace stripped. The keys owned here are checked strictly (a typo
 * is an error, not a silent default); every other key (roles, apps, safety…) passes through untouched for
 * the part of idlc that owns it, `secure:` values included, still encrypted.
 */
export const IdentitySettings = z.looseObject({
  hr: HrSettings.optional(),
  lifecycle: z.strictObject(LifecycleSettings.shape).prefault({}),
  anomaly: AnomalySettings.prefault({}),
  sspr: SsprSettings.optional(),
  shard: ShardSettings.optional(),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;
