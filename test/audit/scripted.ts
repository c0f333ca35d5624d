/** The scripted backend (test/fixtures/audit) written to a scratch directory, read back, with its HR people. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSnapshots, readBackendHistory, type AuditUpdate, type Snapshot } from "../../provider/audit";
import { readHrExport, type Person } from "../../provider/hr";
import { readHrFile } from "../../provider/stack-files";
import { applyOverrides, readOverrides } from "../../provider/stack-plan";
import { PROJECT, STACK, writeScriptedBackend, type ScriptedBackend } from "../fixtures/audit/generate";

export interface Scripted {
  backend: ScriptedBackend;
  updates: AuditUpdate[];
  snapshots: Snapshot[];
  people: Person[];
  cleanup: () => void;
}

export async function scripted(): Promise<Scripted> {
  const root = mkdtempSync(path.join(tmpdir(), "idlc-audit-"));
  const backend = await writeScriptedBackend(root);
  const updates = readBackendHistory({ backendDir: root, project: PROJECT, stack: STACK });
  const stackDir = path.join(root, "stacks", STACK);
  const hrFile = path.join(stackDir, "people.csv");
  const { people, issues } = readHrExport({ file: hrFile, bytes: readHrFile(hrFile) });
  if (issues.some((i) => i.severity === "error")) throw new Error(`fixture HR export: ${JSON.stringify(issues)}`);
  return {
    backend,
    updates,
    snapshots: buildSnapshots(updates),
    people: applyOverrides(people, readOverrides(path.join(stackDir, "overrides.yaml"))),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** When each scripted update finished, by version. */
export const T = {
  1: "2026-01-08T10:00:00.000Z",
  2: "2026-01-12T09:00:00.000Z",
  3: "2026-02-02T10:00:00.000Z",
  4: "2026-02-27T18:00:00.000Z",
  5: "2026-03-02T08:00:00.000Z",
  6: "2026-03-10T14:20:00.000Z",
  7: "2026-03-30T09:00:00.000Z",
} as const;
