/**
 * Fault injection on the running sandbox of an e2e project, over each emulator's `/_faults` routes
 * (sandbox/faults), and the look-ups a test needs to aim a fault at one person's account.
 */
import { readSandboxState, sandboxDir } from "../../sandbox/state";
import type { FaultSettingsInput } from "../../sandbox/faults";
import type { Workspace } from "../../scripts/workspace";

function appOf(project: Workspace, app: string) {
  const state = readSandboxState(sandboxDir(project.dir));
  const entry = state?.apps[app];
  if (!entry) throw new Error(`the sandbox of ${project.dir} runs no ${app} emulator`);
  return entry;
}

/** Replaces the faults of one app's emulator. */
export async function injectFault(project: Workspace, app: string, settings: FaultSettingsInput): Promise<void> {
  const res = await fetch(`${new URL(appOf(project, app).url).origin}/_faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`${app}: POST /_faults answered ${res.status}: ${await res.text()}`);
}

export async function clearFaults(project: Workspace, app: string): Promise<void> {
  await fetch(`${new URL(appOf(project, app).url).origin}/_faults`, { method: "DELETE" });
}

/** A Google user's id, as the Directory API names it in `PUT /users/<id>`. */
export async function googleIdOf(project: Workspace, email: string): Promise<string> {
  const { url, token } = appOf(project, "google");
  const headers = { authorization: `Bearer ${token}` };
  const res = await fetch(`${url}/users/${encodeURIComponent(email)}`, { headers });
  if (!res.ok) throw new Error(`google: GET /users/${email} answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** A regular expression source matching a path that ends in this value, escaped or not. */
export const endingIn = (value: string) => `/${escape(encodeURIComponent(value))}$|/${escape(value)}$`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
