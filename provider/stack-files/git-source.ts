import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { HrSourceError } from "../hr";

/**
 * Reads the bytes of a previous export named by `spec`: a file path (relative to `cwd`), `REF:path` (path relative to
 * `cwd`), or a bare git ref (`origin/main`, `HEAD~1`, `abc123`) meaning "`currentFile` as of that commit".
 * Git runs through execFile with an argument list, never a shell, so a ref cannot inject a command.
 * @throws HrSourceError when the spec is neither a readable file nor a ref that holds the file.
 */
export function readFromFileOrGitRef(spec: string, cwd: string, currentFile?: string): { file: string; bytes: Buffer } {
  const asPath = path.resolve(cwd, spec);
  if (existsSync(asPath) && statSync(asPath).isFile()) return { file: asPath, bytes: readFileSync(asPath) };

  const colon = spec.indexOf(":");
  const [ref, target] =
    colon > 0 ? [spec.slice(0, colon), path.resolve(cwd, spec.slice(colon + 1))] : [spec, currentFile];
  if (!target) {
    throw new HrSourceError(
      `--previous "${spec}" is not a file`,
      "Give a file path, or a git ref together with the HR file it applies to.",
      { file: spec },
    );
  }
  if (ref.startsWith("-")) {
    throw new HrSourceError(
      `--previous "${spec}" is not a file or a git ref`,
      "Give a file path or a git ref such as origin/main or HEAD~1.",
      { file: spec },
    );
  }
  const dir = path.dirname(path.resolve(cwd, target));
  try {
    // `./name` makes git resolve the path relative to `dir`, whatever the repository root and symlinks.
    const bytes = execFileSync("git", ["show", `${ref}:./${path.basename(target)}`], {
      cwd: dir,
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { file: `${ref}:${path.relative(cwd, path.resolve(cwd, target)) || target}`, bytes };
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "")
      .trim()
      .split("\n")[0];
    throw new HrSourceError(
      `--previous "${spec}" is neither a file nor a git ref holding ${path.basename(target)}${stderr ? ` (git: ${stderr})` : ""}`,
      "Give an existing file, or a git ref (origin/main, HEAD~1, a commit) in which the HR file exists.",
      { file: spec },
      err,
    );
  }
}
