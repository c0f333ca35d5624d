/**
 * The reset portal's log (`idlc sspr`) as the stack's audit chain sees it: every update records the head it finds
 * (events and last hash) in its history entry, and `idlc audit verify` checks the log against those heads — and
 * requires the log when the stack sets `identity:sspr` — so deleting it or cutting off its tail is caught.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { findProject, resolveStackName } from "../../engine/project";
import {
  anchorEnvironment,
  headOf,
  PORTAL_LOG_ANCHOR,
  readEventChain,
  serviceLogFile,
  type EventLogSpec,
} from "../../provider/audit";
import { loadStackSettings } from "../../provider/config";

/** What `idlc audit verify` and the report check the portal's log with. */
export function portalLogSpec(projectDir: string, stack: string): EventLogSpec {
  return { file: serviceLogFile(projectDir, stack), required: setsSspr(projectDir, stack), anchor: PORTAL_LOG_ANCHOR };
}

function setsSspr(projectDir: string, stack: string): boolean {
  try {
    return loadStackSettings({ cwd: projectDir, stack }).settings.sspr !== undefined;
  } catch {
    return false; // a stack file that does not load fails its own commands; verify still checks what exists
  }
}

/**
 * The history entry an update of the stack `flags` name adds: the portal log's verified head as it stands when the
 * update finishes; nothing when there is no log. It never throws — the update is recorded whatever happens — and
 * says on stderr when it could not read the log.
 */
export function portalLogAnchor(flags: { cwd?: string; stack?: string }): () => Record<string, string> {
  return () => {
    try {
      const project = findProject(path.resolve(flags.cwd ?? process.cwd()));
      const file = serviceLogFile(project.dir, resolveStackName(project, flags.stack));
      return existsSync(file) ? anchorEnvironment(headOf(readEventChain(file).events)) : {};
    } catch (error) {
      process.stderr.write(`warning: the portal log's head was not recorded: ${(error as Error).message}\n`);
      return {};
    }
  };
}
