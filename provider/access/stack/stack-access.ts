import path from "node:path";
import { z } from "zod";
import type { Issue } from "../../errors";
import type { AcceptsOptions } from "../../apps/accepts";
import { AppName } from "../account-spec";
import { acceptsOptions } from "../resolve/fit-to-apps";
import { parseApprovalsYaml, type ApprovalDef } from "../checks/approvals";
import { AccessFileError } from "../errors";
import { parsePersonasYaml, type Personas } from "../checks/personas";
import { buildCatalog, type Catalog } from "../roles/role-catalog";
import { parseRoleFile } from "../roles/role-files";

/** `identity:roles`: the stack's role files, personas and approvals, paths relative to the stack config dir. */
export const RolesSettings = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
  personas: z.string().min(1).optional(),
  approvals: z.string().min(1).optional(),
  /** Domain of generated addresses for people without a work email. */
  emailDomain: z.string().min(1).optional(),
});
export type RolesSettings = z.infer<typeof RolesSettings>;

/**
 * How the access model reads a stack's files (absolute paths); the shell implements it (provider/stack-files: on
 * disk, or as of a git ref), so this module stays pure.
 */
export interface StackFiles {
  read(file: string): string;
  exists(file: string): boolean;
}

export interface StackAccess {
  catalog: Catalog;
  approvals: ApprovalDef[];
  personas?: Personas;
  apps: AppName[];
  scimInstances?: string[];
  emailDomain?: string;
  /** What decides the apps' rules on values (the LDAP dialect). */
  accepts: AcceptsOptions;
  issues: Issue[];
}

/**
 * Loads the access model of a stack from its config map (`identity:roles`, `identity:apps`, `identity:scim`)
 * and files. File names in issues are relative to the stack dir, as written in the config.
 * @param besideHr the HR export's path relative to the stack dir: without `identity:roles`, the files
 *   `roles.yaml`, `roles.csv`, `personas.yaml` and `approvals.yaml` next to it are used (convention over config).
 * @param stackFiles reads the files (provider/stack-files' `diskFiles`, or `filesAtRef` for an older commit).
 * @throws AccessFileError when `identity:roles` is missing or malformed, or a file cannot be read.
 */
export function loadStackAccess(
  raw: Record<string, unknown>,
  stackDir: string,
  stackFiles: StackFiles,
  besideHr?: string,
): StackAccess {
  const fallback = besideHr === undefined ? undefined : conventional(stackDir, besideHr, stackFiles);
  const settings = RolesSettings.safeParse(raw["identity:roles"] ?? fallback);
  if (!settings.success) {
    throw new AccessFileError(
      `identity:roles is ${raw["identity:roles"] === undefined ? "missing" : `invalid: ${settings.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`}`,
      "set identity:roles to {files: [demo/roles.yaml], personas: demo/personas.yaml, approvals: demo/approvals.yaml}",
      { file: "identity:roles" },
    );
  }
  const { files, personas, approvals, emailDomain } = settings.data;
  const text = (file: string) => {
    try {
      return stackFiles.read(path.resolve(stackDir, file));
    } catch (cause) {
      throw new AccessFileError(
        `cannot read ${file}: ${(cause as Error).message}`,
        "check the path under identity:roles (relative to the stack config directory)",
        { file },
        cause,
      );
    }
  };
  const catalog = buildCatalog(files.map((file) => parseRoleFile(text(file), file)));
  const approved = approvals ? parseApprovalsYaml(text(approvals), approvals) : { approvals: [], issues: [] };
  const scim = raw["identity:scim"];
  return {
    catalog,
    approvals: approved.approvals,
    personas: personas ? parsePersonasYaml(text(personas), personas) : undefined,
    apps: enabledApps(raw["identity:apps"]),
    scimInstances: scim && typeof scim === "object" ? Object.keys(scim).sort() : undefined,
    emailDomain,
    accepts: acceptsOptions(raw),
    issues: approved.issues,
  };
}

/** `identity:apps`: the apps this stack provisions; all of them when unset. */
function enabledApps(value: unknown): AppName[] {
  if (value === undefined) return [...AppName.options];
  const apps = z.array(AppName).safeParse(value);
  if (apps.success) return apps.data;
  throw new AccessFileError(
    `identity:apps must list app names, got ${JSON.stringify(value)}`,
    `list some of ${AppName.options.join(", ")}`,
    { file: "identity:apps" },
  );
}

/** `identity:roles` by convention: whichever of the usual files sit next to the HR export. */
function conventional(stackDir: string, besideHr: string, files: StackFiles): unknown {
  const dir = path.dirname(besideHr);
  const present = (name: string) =>
    files.exists(path.resolve(stackDir, dir, name)) ? path.join(dir, name) : undefined;
  const roles = ["roles.yaml", "roles.yml", "roles.csv"].map(present).filter((f) => f !== undefined);
  if (roles.length === 0) return undefined;
  return { files: roles, personas: present("personas.yaml"), approvals: present("approvals.yaml") };
}
