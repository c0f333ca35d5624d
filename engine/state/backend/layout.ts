import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { StateCode, StateError } from "../errors";

/** The diy backend's bookkeeping directory, `<url path>/.pulumi` (sdk/go/common/workspace BookkeepingDir). */
export const BOOKKEEPING_DIR = ".pulumi";
/** The diy backend has no organizations; stacks are `organization/<project>/<stack>`. */
export const ORGANIZATION = "organization";

/**
 * Where the backend lives: `PULUMI_BACKEND_URL`, else Pulumi.yaml `backend.url`, else the project directory.
 * Only `file://` URLs are supported; `file://~` is the home directory and a relative path is relative to `baseDir`.
 */
export function backendRoot(url: string | undefined, baseDir: string): string {
  if (url === undefined || url === "") return join(baseDir, BOOKKEEPING_DIR);
  if (!url.startsWith("file://")) {
    throw new StateError(
      StateCode.backendUrlUnsupported,
      `backend ${url} is not a file:// URL`,
      "use a file:// backend, or run this stack with --engine pulumi",
      { url },
    );
  }
  const rest = url.slice("file://".length);
  let path: string;
  if (rest === "~" || rest.startsWith("~/")) path = join(homedir(), rest.slice(1));
  else if (rest.startsWith("/")) path = fileURLToPath(url);
  else path = isAbsolute(rest) ? rest : resolve(baseDir, rest);
  return join(path, BOOKKEEPING_DIR);
}

/** Every path of one stack in the project-scoped (meta.yaml version 1) layout. */
export interface StackPaths {
  fullName: string;
  checkpoint: string;
  checkpointGzip: string;
  backupCopy: string;
  journal: string;
  historyDir: string;
  backupsDir: string;
  locksDir: string;
}

export function stackPaths(root: string, project: string, stack: string): StackPaths {
  const checkpoint = join(root, "stacks", project, `${stack}.json`);
  return {
    fullName: `${ORGANIZATION}/${project}/${stack}`,
    checkpoint,
    checkpointGzip: `${checkpoint}.gz`,
    backupCopy: `${checkpoint}.bak`,
    // `.jsonl` is not one of the extensions the Pulumi CLI lists as stacks (.json, .json.gz, .json.zst).
    journal: join(root, "stacks", project, `${stack}.journal.jsonl`),
    historyDir: join(root, "history", project, stack),
    backupsDir: join(root, "backups", project, stack),
    locksDir: join(root, "locks", ORGANIZATION, project, stack),
  };
}

let lastNano = 0n;
/** Unix time in nanoseconds for file names; strictly increasing within the process so names never collide. */
export function unixNano(): bigint {
  const now = BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);
  lastNano = now > lastNano ? now : lastNano + 1n;
  return lastNano;
}
