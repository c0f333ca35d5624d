/**
 * What the deployment benchmark needs before it can measure a no-op preview: the app emulators in this process
 * with their rate limits off, and a base stack whose clients pace themselves 1,000× faster. Only the `up` that
 * builds the state calls an app (a preview calls none), and pacing changes when a call is made, never what it
 * writes or returns — so the state is what a real, paced `up` would leave, in minutes instead of hours (Slack's
 * documented 180 user creates a minute alone would take 4.5 hours for 50,000 people).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { emulators, sandboxDir, startEmulators, type StartedEmulators } from "../../sandbox";
import { startEntraEmulator } from "../../sandbox/entra";
import { startGoogleEmulator } from "../../sandbox/google";
import { startSlackEmulator } from "../../sandbox/slack";
import { writeSandboxState } from "../../sandbox/state";

const APPS = new Set(["entra", "google", "slack", "scim", "ldap"]);
const PACED = ["entra", "google", "slack"];
const UNLIMITED = 1e9;

/** The identity apps' emulators, unthrottled, published in the workspace's sandbox.json as `idlc sandbox start` does. */
export async function startUnthrottledSandbox(workspace: string): Promise<StartedEmulators> {
  const definitions = emulators
    .filter((e) => APPS.has(e.name))
    .map((e) => {
      if (e.name === "slack") return { ...e, start: () => startSlackEmulator({ rateLimitScale: false }) };
      if (e.name === "google") {
        const behaviour = { queriesPerMinutePerUser: UNLIMITED, maxConcurrent: UNLIMITED };
        return { ...e, start: () => startGoogleEmulator({ behaviour }) };
      }
      if (e.name === "entra") {
        const behaviour = { requestsPer10Seconds: UNLIMITED, writesPer150Seconds: UNLIMITED };
        return { ...e, start: () => startEntraEmulator({ behaviour }) };
      }
      return e;
    });
  const sandbox = await startEmulators(definitions);
  const apps = Object.fromEntries(
    sandbox.running.map((e) => [e.name, { url: e.url, token: e.token, tokenUrl: e.tokenUrl, extra: e.extra }]),
  );
  writeSandboxState(sandboxDir(workspace), {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apps,
    unavailable: sandbox.unavailable,
  });
  return sandbox;
}

/** Lets the base stack's paced clients go 1,000× their documented rates (`shards plan` copies it to the shards). */
export function unpaceBaseStack(stackFile: string): void {
  const doc = parse(readFileSync(stackFile, "utf8")) as { config: Record<string, Record<string, unknown>> };
  for (const app of PACED) doc.config[`identity:${app}`] = { ...doc.config[`identity:${app}`], paceScale: 1000 };
  writeFileSync(stackFile, stringify(doc));
}

/** The workspace's base stack file (the demo stack the synthetic org replaced). */
export const baseStackFile = (workspace: string) => path.join(workspace, "stacks", "Pulumi.demo.yaml");
