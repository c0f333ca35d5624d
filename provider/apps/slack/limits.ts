/**
 * Slack SCIM's documented rate limits (app-apis.md §1.5) as client pacing rules. They are org-wide and shared by
 * every SCIM app, so one client per process paces all of a run's calls. A request waits for every rule it matches.
 */
import { createPacer, type PaceRule } from "../../net";

const USER = /^\/Users\/[^/?]+$/;
const GROUP = /^\/Groups\/[^/?]+$/;
const USERS = /^\/Users$/;
const GROUPS = /^\/Groups$/;
const WRITES = ["POST", "PUT", "PATCH", "DELETE"];

const TABLE: Array<{ methods: string[]; path?: RegExp; perMinute: number; burst: number }> = [
  { methods: WRITES, perMinute: 600, burst: 180 },
  { methods: ["GET"], perMinute: 1000, burst: 1000 },
  { methods: ["GET"], path: USER, perMinute: 300, burst: 300 },
  { methods: ["GET"], path: GROUP, perMinute: 300, burst: 300 },
  { methods: ["POST"], path: USERS, perMinute: 180, burst: 20 },
  { methods: ["PUT", "PATCH"], path: USER, perMinute: 180, burst: 20 },
  { methods: ["DELETE"], path: USER, perMinute: 180, burst: 20 },
  { methods: ["POST"], path: GROUPS, perMinute: 180, burst: 20 },
  { methods: ["DELETE"], path: GROUP, perMinute: 180, burst: 20 },
  { methods: ["PUT", "PATCH"], path: GROUP, perMinute: 180, burst: 80 },
];

/** Fresh pacers for Slack's limits; `scale` multiplies every per-minute rate (sandboxes and benchmarks only). */
export function slackPaceRules(scale = 1): PaceRule[] {
  return TABLE.map(({ methods, path, perMinute, burst }) => ({
    methods,
    path,
    pacer: createPacer({ perMinute: perMinute * scale, burst }),
  }));
}
