/**
 * The demo stack's dates: `stacks/demo/` was written as of DEMO_EPOCH, and a copy made later moves every date by the
 * days since, so the demo tells the same story on any day. Shared by the workspace builder (scripts/workspace.ts)
 * and the HR twins, which serve the same company as a workspace made the same day.
 */
import path from "node:path";
import { addDays } from "../provider/hr";

/** The repository's demo stack directory (people.csv, roles, approvals). */
export const demoStackDir = path.join(__dirname, "demo");

/** The day the dates in `stacks/demo/` were written for. */
export const DEMO_EPOCH = "2026-11-25";

const today = () => new Date().toISOString().slice(0, 10);

/** A date of the demo's story, as it falls in a copy made `on` (`demoDay("2027-02-01")`: the joiner's start). */
export function demoDay(date: string, on = today()): string {
  return addDays(date, Math.round((Date.parse(on) - Date.parse(DEMO_EPOCH)) / 86_400_000));
}
