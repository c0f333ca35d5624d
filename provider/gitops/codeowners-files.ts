/**
 * Which files of a stack need whose review: read from the stack's config and role files (the I/O half of
 * `idlc codeowners`; `formatCodeowners` writes the entries).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { loadStackAccess } from "../access";
import { loadStackSettings } from "../config";
import { diskFiles } from "../stack-files";
import type { CodeownersFile } from "./codeowners";
import { readOwners } from "./owners";

/** The repository root (CODEOWNERS paths start there), or the project directory outside git. */
function repoRoot(dir: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return dir;
  }
}

/** @throws StackConfigError, AccessFileError, OwnersConfigError from the stack's files. */
export function stackCodeownersFiles(options: { cwd: string; stack: string }): CodeownersFile[] {
  const { settings, stackDir, stackFile, raw, project } = loadStackSettings(options);
  const owners = readOwners(raw, stackFile);
  // Every file the access model reads (role files, approvals, personas), seen through the reader it calls.
  const read: string[] = [];
  const recording = { ...diskFiles, read: (f: string) => (read.push(f), diskFiles.read(f)) };
  const access = loadStackAccess(raw, stackDir, recording, settings.hr?.file);
  const root = repoRoot(project.dir);
  const rel = (file: string) => path.relative(root, path.resolve(stackDir, file)).split(path.sep).join("/");
  const { roles, rules, grants } = access.catalog;
  const ownerOf = (id: string) => roles.get(id)?.owner ?? "";
  const roleOwners = new Map<string, string[]>();
  const add = (file: string, owner: string) => roleOwners.set(rel(file), [...(roleOwners.get(rel(file)) ?? []), owner]);
  // A file's reviewers own what it defines, and what its rules and grants hand out.
  for (const role of roles.values()) add(role.source.file, role.owner);
  for (const rule of rules) rule.roles.forEach((id) => add(rule.source.file, ownerOf(id)));
  for (const grant of grants) add(grant.source.file, ownerOf(grant.role));
  const files: CodeownersFile[] = [...roleOwners.keys()].sort().map((file) => ({
    path: file,
    owners: roleOwners.get(file)!,
    what: `roles file ${file}: owners of the roles it defines and assigns`,
    setting: "`owner:` on its roles",
  }));
  const settingsFiles = read
    .map((f) => path.relative(root, f).split(path.sep).join("/"))
    .filter((f) => !roleOwners.has(f));
  const stackOwners = owners.stack ?? [];
  if (settings.hr)
    files.push({
      path: rel(settings.hr.file),
      owners: owners.hr ?? [],
      what: "HR export: people/HR owners (identity:owners.hr)",
      setting: "identity:owners.hr",
    });
  for (const file of [...new Set(settingsFiles)].sort())
    files.push({
      path: file,
      owners: stackOwners,
      what: `${path.basename(file)}: approvals or persona tests, security/IT owners (identity:owners.stack)`,
      setting: "identity:owners.stack",
    });
  files.push({
    path: rel(stackFile),
    owners: stackOwners,
    what: "stack file: security/IT owners (identity:owners.stack)",
    setting: "identity:owners.stack",
  });
  return files;
}
