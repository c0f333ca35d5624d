/**
 * What the demo ends with, so a person can look around its workspace without re-running anything. Kept apart
 * from the demo so a test runs each exactly as printed.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface NextStep {
  /** A shell command to run from where the demo was started, or a URL to open in a browser. */
  line: string;
  what: string;
}

/** @param dir the demo's workspace, relative to where the demo was started */
export function nextSteps(dir: string, leaver: string): NextStep[] {
  return [
    // A file URL opens from any terminal or browser; an "open" command differs per desktop and is absent on servers.
    {
      line: pathToFileURL(path.resolve(dir, "report.html")).href,
      what: "the compliance report the demo wrote: open it in a browser",
    },
    { line: `npx idlc audit person ${leaver} -C ${dir}`, what: "today's leaver: each access change and its update" },
    { line: `npx idlc history -C ${dir}`, what: "every update of the demo stack" },
  ];
}
