import { z } from "zod";

// The checkpoint types of sdk/go/common/apitype/core.go, as zod schemas. Objects are loose: fields this engine
// does not write (taint, hooks, …) survive a read/write round trip untouched.

const propertyMap = z.record(z.string(), z.unknown());

export const resourceV3Schema = z.looseObject({
  urn: z.string().min(1),
  custom: z.boolean(),
  delete: z.boolean().optional(),
  id: z.string().optional(),
  type: z.string().min(1),
  inputs: propertyMap.optional(),
  outputs: propertyMap.optional(),
  parent: z.string().optional(),
  protect: z.boolean().optional(),
  external: z.boolean().optional(),
  dependencies: z.array(z.string()).optional(),
  initErrors: z.array(z.string()).optional(),
  provider: z.string().optional(),
  propertyDependencies: z.record(z.string(), z.array(z.string())).optional(),
  pendingReplacement: z.boolean().optional(),
  additionalSecretOutputs: z.array(z.string()).optional(),
  aliases: z.array(z.string()).optional(),
  customTimeouts: z.record(z.string(), z.unknown()).optional(),
  importID: z.string().optional(),
  retainOnDelete: z.boolean().optional(),
  deletedWith: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
});
export type ResourceV3 = z.infer<typeof resourceV3Schema>;

export const pendingOperationTypes = ["creating", "updating", "deleting", "reading", "importing"] as const;
export const pendingOperationSchema = z.looseObject({
  resource: resourceV3Schema,
  type: z.enum(pendingOperationTypes),
});
export type PendingOperation = z.infer<typeof pendingOperationSchema>;

export const manifestSchema = z.looseObject({
  time: z.string(),
  magic: z.string(),
  version: z.string(),
  plugins: z.array(z.unknown()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const secretsProvidersSchema = z.looseObject({ type: z.string(), state: z.unknown().optional() });
export type SecretsProvidersV1 = z.infer<typeof secretsProvidersSchema>;

export const deploymentV3Schema = z.looseObject({
  manifest: manifestSchema,
  secrets_providers: secretsProvidersSchema.optional(),
  resources: z.array(resourceV3Schema).optional(),
  pending_operations: z.array(pendingOperationSchema).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type DeploymentV3 = z.infer<typeof deploymentV3Schema>;

export const updateKinds = ["update", "preview", "refresh", "destroy", "import", "rename", "resource-import"] as const;
export type UpdateKind = (typeof updateKinds)[number];
export const updateResults = ["succeeded", "failed", "in-progress"] as const;
export type UpdateResult = (typeof updateResults)[number];

/** A config value in history: plain string, or `{secure: ciphertext}` (config.Map JSON encoding). */
export const historyConfigValueSchema = z.union([z.string(), z.object({ secure: z.string() })]);

/** backend.UpdateInfo (pkg/backend/updates.go): one `.history.json` file. Times are unix seconds. */
export const updateInfoSchema = z.looseObject({
  kind: z.enum(updateKinds),
  startTime: z.number(),
  message: z.string(),
  environment: z.record(z.string(), z.string()).nullable(),
  config: z.record(z.string(), historyConfigValueSchema).nullable(),
  version: z.number().optional(),
  result: z.enum(updateResults),
  endTime: z.number(),
  resourceChanges: z.record(z.string(), z.number()).optional(),
});
export type UpdateInfo = z.infer<typeof updateInfoSchema>;
