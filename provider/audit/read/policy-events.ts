/**
 * Policy results, when a run recorded them: the JSON-lines engine event log of `pulumi up|preview --event-log FILE`
 * (and of the offline engine), whose `policyEvent` lines carry each violation.
 */
import { z } from "zod";
import { AuditCode, AuditSourceError } from "../errors";

const PolicyEventWire = z.looseObject({
  policyEvent: z.looseObject({
    resourceUrn: z.string().optional(),
    message: z.string(),
    policyName: z.string(),
    policyPackName: z.string(),
    enforcementLevel: z.string(),
  }),
});

export interface PolicyResult {
  pack: string;
  policy: string;
  enforcementLevel: string;
  violations: number;
  /** Resource names (the URN's last part) that violated it, sorted. */
  resources: string[];
  /** One message, as an example. */
  message: string;
}

/** Counts violations per (pack, policy) over event-log texts; lines without a policyEvent are skipped. */
export function policyResults(logs: ReadonlyArray<{ file: string; text: string }>): PolicyResult[] {
  const byPolicy = new Map<string, PolicyResult>();
  for (const { file, text } of logs) {
    text.split("\n").forEach((line, i) => {
      if (!line.includes('"policyEvent"')) return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (cause) {
        throw new AuditSourceError(
          AuditCode.exportInvalid,
          `${file}:${i + 1}: not a JSON engine event`,
          "Give the file written by --event-log unchanged.",
          { file, row: i + 1 },
          cause,
        );
      }
      const parsed = PolicyEventWire.safeParse(data);
      if (!parsed.success) return;
      const e = parsed.data.policyEvent;
      const key = `${e.policyPackName}\u0000${e.policyName}`;
      const result = byPolicy.get(key) ?? {
        pack: e.policyPackName,
        policy: e.policyName,
        enforcementLevel: e.enforcementLevel,
        violations: 0,
        resources: [],
        message: e.message,
      };
      result.violations++;
      const name = e.resourceUrn?.slice(e.resourceUrn.lastIndexOf("::") + 2);
      if (name && !result.resources.includes(name)) result.resources = [...result.resources, name].sort();
      byPolicy.set(key, result);
    });
  }
  return [...byPolicy.values()].sort((a, b) => a.pack.localeCompare(b.pack) || a.policy.localeCompare(b.policy));
}
