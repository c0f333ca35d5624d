/**
 * The on-disk and exported shapes audit reads, as zod schemas. Objects are loose: audit reads a few fields and
 * must not reject state written by a newer Pulumi that added others.
 */
import { z } from "zod";

const propertyMap = z.record(z.string(), z.unknown());

export const ResourceWire = z.looseObject({
  urn: z.string().min(1),
  type: z.string().min(1),
  id: z.string().optional(),
  /** A resource pending deletion after a replace: not part of the stack any more. */
  delete: z.boolean().optional(),
  inputs: propertyMap.optional(),
  outputs: propertyMap.optional(),
});
export type ResourceWire = z.infer<typeof ResourceWire>;

export const DeploymentWire = z.looseObject({
  manifest: z.looseObject({ time: z.string() }).optional(),
  resources: z.array(ResourceWire).nullish(),
});
export type DeploymentWire = z.infer<typeof DeploymentWire>;

/**
 * A diy checkpoint (`<stack>.json`, `<stack>-<nano>.checkpoint.json`): apitype.VersionedCheckpoint, versions 0–4.
 * v4 `features` are not checked: they change how an engine must treat resources, not what their outputs say.
 */
export const CheckpointFileWire = z.looseObject({
  version: z.number().int().min(0).max(4),
  checkpoint: z.looseObject({ stack: z.string().optional(), latest: DeploymentWire.nullish() }),
});

/** `pulumi stack export` (apitype.UntypedDeployment). */
export const StackExportWire = z.looseObject({
  version: z.number().int().min(1).max(4),
  deployment: DeploymentWire,
});

const kind = z.enum(["update", "preview", "refresh", "destroy", "import", "rename", "resource-import"]);
const result = z.enum(["succeeded", "failed", "in-progress"]);

/** backend.UpdateInfo, one `.history.json` file; times are unix seconds. */
export const HistoryEntryWire = z.looseObject({
  kind,
  startTime: z.number(),
  endTime: z.number().optional(),
  message: z.string().nullish(),
  environment: z.record(z.string(), z.string()).nullish(),
  version: z.number().int().optional(),
  result,
  resourceChanges: z.record(z.string(), z.number()).nullish(),
});
export type HistoryEntryWire = z.infer<typeof HistoryEntryWire>;

/** One element of `pulumi stack history --json` (updateInfoJSON): times are formatted strings, newest first. */
export const HistoryJsonWire = z.array(
  z.looseObject({
    version: z.number().int().optional(),
    kind,
    startTime: z.string(),
    endTime: z.string().optional(),
    message: z.string().nullish(),
    environment: z.record(z.string(), z.string()).nullish(),
    result: result.optional(),
    resourceChanges: z.record(z.string(), z.number()).nullish(),
  }),
);
export type HistoryJsonWire = z.infer<typeof HistoryJsonWire>;

/** The secret envelope (`resource/properties.go`): `ciphertext`, or `plaintext` in `--show-secrets` exports. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SecretWire = z.looseObject({
  [SECRET_SIG]: z.literal("1b47061264138c4ac30d75fd1eb44270"),
  ciphertext: z.string().optional(),
  plaintext: z.string().optional(),
});
export type SecretWire = z.infer<typeof SecretWire>;

export const isSecret = (value: unknown): value is SecretWire => SecretWire.safeParse(value).success;
