import { AccessFileError } from "../errors";
import type { RoleSources } from "./role-model";
import { parseRolesCsv } from "./roles-csv";
import { parseRolesYaml } from "./roles-yaml";

/**
 * Reads one role file by its extension: `.csv` (role definitions, as HR/IT tools export them) or `.yaml`/`.yml`
 * (definitions, assignment rules and time-bound grants, as people write them in Git).
 * @throws AccessFileError for any other extension, or a file that cannot be parsed.
 */
export function parseRoleFile(text: string, file: string): RoleSources {
  if (/\.csv$/i.test(file)) return parseRolesCsv(text, file);
  if (/\.ya?ml$/i.test(file)) return parseRolesYaml(text, file);
  throw new AccessFileError(
    `${file}: role files must be .csv or .yaml`,
    "rename the file to .csv or .yaml to say how to read it",
    { file },
  );
}
