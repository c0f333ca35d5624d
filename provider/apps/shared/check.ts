import type * as zod from "zod";

/** A `check` failure as the dynamic-provider SDK expects it: bad input comes back as data. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The app's own input fields, given zod (required lazily: a provider must not capture it). */
export type ExtraFields = (z: typeof zod.z) => zod.ZodRawShape;

const noExtraFields: ExtraFields = () => ({});

/**
 * Validates account inputs: the AccountSpec fields every provider relies on (the full contract lives in
 * `provider/access/account-spec.ts`; it is not imported here because that module loads zod at its top and
 * would be captured into every serialized provider), plus the app's own fields from `extra`. Pass `extra` as a
 * module-level function: its schema is built once per process (`inputSchema`), not on every check.
 */
export function checkAccountInputs<T extends Record<string, unknown>>(
  news: T,
  extra: ExtraFields = noExtraFields,
): { inputs: T; failures: CheckFailure[] } {
  const schema = inputSchema("account", extra);
  return { inputs: news, failures: failuresOf(schema.safeParse(news)) };
}

/** Validates group inputs (GroupSpec's fields) plus the app's own. */
export function checkGroupInputs<T extends Record<string, unknown>>(
  news: T,
  extra: ExtraFields = noExtraFields,
): { inputs: T; failures: CheckFailure[] } {
  const schema = inputSchema("group", extra);
  return { inputs: news, failures: failuresOf(schema.safeParse(news)) };
}

/** The AccountSpec fields every account provider relies on, and GroupSpec's. */
const commonFields: Readonly<Record<"account" | "group", ExtraFields>> = {
  account: (z) => ({
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
  }),
  group: (z) => ({
    name: z.string().min(1),
    displayName: z.string(),
    description: z.string().optional(),
    privileged: z.boolean(),
  }),
};

/** A string key, not a symbol: the closure serializer would turn a registered symbol into a fresh one. */
const schemasKey = "__idlcInputSchemas";
type Schemas = Record<"account" | "group", WeakMap<ExtraFields, zod.ZodType>>;

/**
 * The input schema of one kind with one app's `extra` fields, built on first use and kept per process. Building a
 * zod object costs ~0.3 ms, parsing with a built one ~5 µs, and check runs for every resource of every preview
 * (docs/BENCHMARKS.md, session 7). The cache lives on `globalThis`, not in a module variable: the closure
 * serializer would capture a module variable by value (a WeakMap as an empty object, a built schema as its whole
 * zod object graph). Keyed by the `extra` function itself, so two apps' fields can never share a schema.
 */
function inputSchema(kind: keyof Schemas, extra: ExtraFields): zod.ZodType {
  const holder = globalThis as unknown as Record<string, Schemas | undefined>;
  const schemas = (holder[schemasKey] ??= { account: new WeakMap(), group: new WeakMap() })[kind];
  let schema = schemas.get(extra);
  if (!schema) {
    const { z } = require("zod") as typeof zod;
    schema = z.object({ ...commonFields[kind](z), ...extra(z) }).passthrough();
    schemas.set(extra, schema);
  }
  return schema;
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
