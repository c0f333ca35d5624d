/**
 * A paced first apply of many accounts, as the engine would report it, for the live view to render on a real
 * terminal: `node --require tsx/cjs paced-run.ts <accounts> <ms>`. Five apps share the accounts; every app runs 8
 * steps at a time, each taking ~40 ms, except Slack, which is held to a documented write rate and says so in an
 * ephemeral status, as a paced provider does. The renderer is chosen as idlc chooses it (a TTY, no CI: live).
 */
import { createRenderer, rendererMode } from "../../../engine/output";
import type { EngineEvent, EngineEventPayload, StepEventMetadata } from "../../../engine/events";

const [accounts = 5000, durationMs = 8000] = process.argv.slice(2).map(Number);
const APPS = [
  ["entra", "EntraAccount"],
  ["google", "GoogleAccount"],
  ["slack", "SlackAccount"],
  ["scim:github", "ScimAccount"],
  ["ldap", "LdapAccount"],
];
const renderer = createRenderer({ mode: rendererMode({ stream: process.stderr }), stream: process.stderr });
let sequence = 0;
const emit = (payload: EngineEventPayload) =>
  renderer.onEvent({ sequence: sequence++, timestamp: Math.floor(Date.now() / 1000), ...payload } as EngineEvent);
const metadata = (app: string, type: string, i: number): StepEventMetadata => {
  const t = `pulumi-nodejs:dynamic/idlc:${type}`;
  const urn = `urn:pulumi:demo::identity::${t}::${app}/E${String(i).padStart(5, "0")}`;
  return {
    op: "create",
    urn,
    type: t,
    provider: "",
    new: { type: t, urn, id: "", parent: "", inputs: {}, outputs: {} },
  };
};

const queues = APPS.map(([app, type], a) =>
  Array.from({ length: Math.ceil((accounts - a) / APPS.length) }, (_, i) => metadata(app!, type!, i * APPS.length + a)),
);
const stepMs = 40;
// Slack's pace: its share of the accounts over the whole run; the others go as fast as 8 at a time allows.
const slackEvery = durationMs / queues[2]!.length;

async function runApp(queue: StepEventMetadata[], paced: boolean): Promise<void> {
  let next = Date.now();
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      emit({ resourcePreEvent: { metadata: m } });
      if (paced) {
        next += slackEvery;
        const wait = Math.max(0, next - Date.now());
        emit({
          diagnosticEvent: {
            urn: m.urn,
            message: `waiting ${(wait / 1000).toFixed(1)}s: Slack SCIM rate limit (600 writes/min)`,
            color: "raw",
            severity: "info",
            ephemeral: true,
          },
        });
        await new Promise((resolve) => setTimeout(resolve, wait));
      } else await new Promise((resolve) => setTimeout(resolve, stepMs));
      emit({ resOutputsEvent: { metadata: m } });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

void (async () => {
  const started = Date.now();
  await Promise.all(queues.map((q, i) => runApp(q, i === 2)));
  emit({
    summaryEvent: {
      maybeCorrupt: false,
      durationSeconds: (Date.now() - started) / 1000,
      resourceChanges: { create: accounts },
      policyPacks: {},
    },
  });
  renderer.close();
})();
