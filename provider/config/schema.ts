import { z } from "zod";
import { EmploymentType, HrField, HrStatus, LifecycleSettings, PresetName } from "../hr";

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
  ...hrPullKeys,
});
export type HrSettings = z.infer<typeof HrSettings>;

/** `identity:anomaly`: the gate against a truncated export (see `checkAnomalies`). */
export const AnomalySettings = z.strictObject({
  maxDropPercent: z.number().min(0).max(100).default(5),
  maxDepartmentChangePercent: z.number().min(0).max(100).default(15),
});
export type AnomalySettings = z.infer<typeof AnomalySettings>;

/**
 * Every `identity:<key>` of a stack, namespace stripped. The keys owned here are checked strictly (a typo
 * is an error, not a silent default); every other key (roles, apps, safety…) passes through untouched for
 * the part of idlc that owns it, `secure:` values included, still encrypted.
 */
export const IdentitySettings = z.looseObject({
  hr: HrSettings.optional(),
  lifecycle: z.strictObject(LifecycleSettings.shape).prefault({}),
  anomaly: AnomalySettings.prefault({}),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;
