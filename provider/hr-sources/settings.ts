import { z } from "zod";

/** Every vendor `idlc hr pull` can read from; `identity:hr.source.vendor` names one. */
export const HrVendor = z.enum(["bamboohr", "hibob", "personio", "rippling", "workday"]);
export type HrVendor = z.infer<typeof HrVendor>;

const common = {
  /** Take the URL and credential from the local sandbox (`idlc sandbox start`) instead of the vendor. */
  sandbox: z.boolean().optional(),
  /** API root; each vendor has a default (BambooHR needs `companyDomain` instead). */
  url: z.url().optional(),
};

/**
 * `identity:hr.source`: the HR system the stack's export is pulled from. The credential is never here: it is the
 * stack secret `identity:hrCredential` (`idlc config set --secret identity:hrCredential`), in the vendor's form.
 */
export const HrSourceSettings = z.discriminatedUnion("vendor", [
  z.strictObject({ vendor: z.literal("bamboohr"), ...common, companyDomain: z.string().min(1).optional() }),
  z.strictObject({ vendor: z.literal("hibob"), ...common }),
  z.strictObject({
    vendor: z.literal("personio"),
    ...common,
    /** The attribute holding the employee id the export uses (default `id`; often a `dynamic_…` attribute). */
    employeeIdAttribute: z.string().min(1).optional(),
  }),
  z.strictObject({ vendor: z.literal("rippling"), ...common }),
  /** Workday: `url` is the report's JSON URL without `?format=json` (Actions → Web Service → View URLs). */
  z.strictObject({ vendor: z.literal("workday"), ...common }),
]);
export type HrSourceSettings = z.infer<typeof HrSourceSettings>;

/** `identity:hr.fastLane`: what `idlc hr pull --apply-leavers` may apply without waiting for the PR. */
export const FastLane = z.enum(["leavers"]);
export type FastLane = z.infer<typeof FastLane>;

/** The stack secret that holds the HR credential. */
export const credentialKey = "identity:hrCredential";
