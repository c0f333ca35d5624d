/**
 * Who ran a command, for the audit records `idlc kill` and `idlc sspr send-link|activate` write when no `--by` is
 * given: the Git author of the project (what a reviewer sees on the commit), else the OS account — read from the
 * system, since `$USER` is unset in many containers and CI images — else "unknown".
 */
import { execFileSync } from "node:child_process";
import { userInfo } from "node:os";

export function whoRuns(projectDir: string, given?: string): string {
  return given ?? gitConfig(projectDir, "user.email") ?? osUser() ?? "unknown";
}

function gitConfig(cwd: string, key: string): string | undefined {
  try {
    const value = execFileSync("git", ["config", key], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}

function osUser(): string | undefined {
  try {
    return userInfo().username || process.env.USER || undefined;
  } catch {
    return process.env.USER || undefined; // no passwd entry for this uid (some containers)
  }
}
