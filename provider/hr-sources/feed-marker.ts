import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * What the last successful pull saw, so a scheduled pull can ask the vendor's change feed "anything since?" in one
 * call instead of fetching everyone. Kept under `.idlc/hr-pull/` (not in Git; a CI cache keeps it between runs).
 * It only counts while the committed export is byte for byte what that pull wrote or confirmed.
 */
const Marker = z.object({ vendor: z.string(), since: z.string(), exportSha256: z.string() });
export type FeedMarker = z.infer<typeof Marker>;

/** How far back a change-feed question reaches beyond the last pull, against clock skew with the vendor. */
const overlapMs = 5 * 60_000;

const markerFile = (projectDir: string, stack: string) => path.join(projectDir, ".idlc", "hr-pull", `${stack}.json`);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The `since` to ask the change feed with, when the marker still describes the committed export. */
export function feedSince(
  projectDir: string,
  stack: string,
  vendor: string,
  exportText: string | undefined,
): string | undefined {
  const file = markerFile(projectDir, stack);
  if (exportText === undefined || !existsSync(file)) return undefined;
  const parsed = Marker.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success || parsed.data.vendor !== vendor || parsed.data.exportSha256 !== sha256(exportText))
    return undefined;
  return parsed.data.since;
}

/** Records a successful pull that started at `startedAt` and left the export as `exportText`. */
export function saveFeedMarker(
  projectDir: string,
  stack: string,
  vendor: string,
  startedAt: number,
  exportText: string,
): void {
  const file = markerFile(projectDir, stack);
  mkdirSync(path.dirname(file), { recursive: true });
  const marker: FeedMarker = {
    vendor,
    since: new Date(startedAt - overlapMs).toISOString(),
    exportSha256: sha256(exportText),
  };
  writeFileSync(file, `${JSON.stringify(marker, null, 2)}\n`);
}
