/**
 * A throwaway copy of the demo stack whose `identity:hr.source` names one HR twin, running in this process, so a
 * test can act as the HR admin (`twin.store`), break the list (`twin.listFaults`, `twin.faults`) and run
 * `idlc hr pull` as a user does.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sandboxDir } from "../../sandbox";
import { hrTwinVendors, startHrTwin, type HrTwinVendor, type RunningHrTwin } from "../../sandbox/hr";
import { writeSandboxState } from "../../sandbox/state";
import { createWorkspace, type Workspace } from "../../scripts/workspace";

export const hrVendors = hrTwinVendors;
export type Vendor = HrTwinVendor;

export interface HrProject extends Workspace {
  twin: RunningHrTwin;
  stackFile: string;
  /** The committed export's text. */
  exported(): string;
  stop(): Promise<void>;
}

/** Writes `source` (and `fastLane: leavers`) into the demo stack's identity:hr. */
export function nameHrSource(stackFile: string, vendor: Vendor): void {
  const text = readFileSync(stackFile, "utf8");
  const withSource = text.replace(
    /(\n  identity:hr:\n(?: {4}.*\n)*?)( {4}preset: .*\n)/,
    `$1$2    source:\n      vendor: ${vendor}\n      sandbox: true\n    fastLane: leavers\n`,
  );
  if (withSource === text) throw new Error(`cannot find identity:hr preset in ${stackFile}`);
  writeFileSync(stackFile, withSource);
}

/** Points the stack's `identity:hr.source` (written by `nameHrSource`) at another vendor's twin. */
export function switchHrVendor(stackFile: string, vendor: Vendor): void {
  const text = readFileSync(stackFile, "utf8");
  const switched = text.replace(/(\n {4}source:\n {6}vendor: )\w+\n/, `$1${vendor}\n`);
  if (switched === text && !text.includes(`vendor: ${vendor}\n`)) {
    throw new Error(`no identity:hr.source in ${stackFile}`);
  }
  writeFileSync(stackFile, switched);
}

export async function hrProject(vendor: Vendor): Promise<HrProject> {
  const ws = createWorkspace(`idlc-hr-${vendor}-`);
  const twin = await startHrTwin(vendor);
  writeSandboxState(sandboxDir(ws.dir), {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    unavailable: {},
    apps: { [twin.name]: { url: twin.url, token: twin.token, extra: twin.extra } },
  });
  const stackFile = path.join(ws.dir, "stacks", "Pulumi.demo.yaml");
  nameHrSource(stackFile, vendor);
  return {
    ...ws,
    twin,
    stackFile,
    exported: () => readFileSync(ws.peopleFile, "utf8"),
    async stop() {
      await twin.stop();
      rmSync(ws.dir, { recursive: true, force: true });
    },
  };
}
