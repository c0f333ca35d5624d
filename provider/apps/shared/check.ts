import type * as zod from "zod";

/** A `check` failure as the dynamic-provider SDK expects it: bad input comes back as data. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/**
 * Validates account inputs: the AccountSpec fields every provider relies on (the full contract lives in
 * `provider/access/account-spec.ts`; it is not imported here because that module loads zod at its top and
 * would be captured into every serialized provider), plus the app's own fields from `extra`.
 */
export function checkAccountInputs<T extends Record<string, unknown>>(
  news: T,
  extra: (z: typeof zod.z) => zod.ZodRawShape = () => ({}),
): { inputs: T; failures: CheckFailure[] } {
  const { z } = require("zod") as typeof zod;
  const schema = z
    .object({
      employeeId: z.string().min(1),
      userName: z.string().min(1),
      email: z.string().min(1),
      givenName: z.string(),
      familyName: z.string(),
      displayName: z.string(),
      enabled: z.boolean(),
      groups: z.array(z.string()),
      admin: z.boolean(),
      title: z.string().optional(),
      department: z.string().optional(),
      costCenter: z.string().optional(),
      managerEmployeeId: z.string().optional(),
      ...extra(z),
    })
    .passthrough();
  return { inputs: news, failures: failuresOf(schema.safeParse(news)) };
}

/** Validates group inputs (GroupSpec's fields) plus the app's own. */
export function checkGroupInputs<T extends Record<string, unknown>>(
  news: T,
  extra: (z: typeof zod.z) => zod.ZodRawShape = () => ({}),
): { inputs: T; failures: CheckFailure[] } {
  const { z } = require("zod") as typeof zod;
  const schema = z
    .object({
      name: z.string().min(1),
      displayName: z.string(),
      description: z.string().optional(),
      privileged: z.boolean(),
      ...extra(z),
    })
    .passthrough();
  return { inputs: news, failures: failuresOf(schema.safeParse(news)) };
}

function failuresOf(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}): CheckFailure[] {
  if (result.success) return [];
  return result.error!.issues.map((issue) => ({
    property: issue.path.map(String).join(".") || "(inputs)",
    reason: issue.message,
  }));
}
