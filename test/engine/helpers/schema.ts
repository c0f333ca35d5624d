import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";

const names = ["deployments", "resources", "property-values"];
// Ajv does not register a root-level `$anchor` beside `$id`, so `#property_value` (the root of property-values.json)
// is rewritten to the equivalent `#` in memory; the copied files stay as Pulumi ships them (plus the fields noted
// in their descriptions).
const load = (n: string) =>
  readFileSync(join(__dirname, "../schema", `${n}.json`), "utf8")
    .split('"$ref": "#property_value"')
    .join('"$ref": "#"');
const schemas = names.map((n) => JSON.parse(load(n)));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
for (const s of schemas.slice(1)) ajv.addSchema(s);
const validate = ajv.compile(schemas[0]);

/** Validates a diy checkpoint file's content as `{version, deployment: checkpoint.latest}` against deployments.json. */
export function checkpointSchemaErrors(checkpoint: any): string[] {
  const ok = validate({ version: checkpoint.version, deployment: checkpoint.checkpoint.latest });
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
