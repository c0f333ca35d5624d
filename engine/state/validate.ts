import type Ajv2020 from "ajv/dist/2020";
import type { ErrorObject } from "ajv/dist/2020";
import deployments from "./schema/deployments.json";
import propertyValues from "./schema/property-values.json";
import resources from "./schema/resources.json";

// Pulumi's apitype schemas (Apache-2.0, see schema/README.md), with `created`/`modified` added to resources.json.
let validator: ReturnType<Ajv2020["compile"]> | undefined;

// Ajv does not register a `$anchor` that sits beside `$id` at a schema's root, so `#property_value` (the root of
// property-values.json) is rewritten to the equivalent `#` in memory; the copied file stays as Pulumi ships it.
function rootAnchorToRoot(schema: unknown, anchor: string): unknown {
  return JSON.parse(JSON.stringify(schema).split(`"$ref":"#${anchor}"`).join(`"$ref":"#"`));
}

function compile(): ReturnType<Ajv2020["compile"]> {
  // Loaded here, not at the top: engine/state is on every command's path, and ajv is ~80 modules none of them uses
  // unless a checkpoint is validated against the schema.
  const { default: Ajv } = require("ajv/dist/2020") as typeof import("ajv/dist/2020");
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(resources).addSchema(rootAnchorToRoot(propertyValues, "property_value") as object);
  return ajv.compile(deployments);
}

export interface SchemaResult {
  valid: boolean;
  errors: string[];
}

/** Validates the export form `{version, deployment}` (for a diy checkpoint: `{version, deployment: checkpoint.latest}`). */
export function validateDeployment(json: unknown): SchemaResult {
  validator ??= compile();
  const valid = validator(json) as boolean;
  const errors = (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
  return { valid, errors: valid ? [] : errors };
}
