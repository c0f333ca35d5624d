/** Starts a Slack emulator and configures both Slack providers against it, as `configure()` would from stack config. */
import type { AccountSpec, GroupSpec } from "../../../provider/access/account-spec";
import { slackAccountProvider, slackGroupProvider } from "../../../provider/apps/slack";
import { sharedRequestCounter } from "../../../provider/net";
import { startSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from "../../../sandbox/slack";
import { happySpec } from "../shared/account-spec-fixture";

export interface SlackHarness {
  emulator: SlackEmulator;
  config: { get(key: string): string | undefined };
}

export async function startSlackHarness(
  options: SlackEmulatorOptions = {},
  settings: Record<string, unknown> = {},
): Promise<SlackHarness> {
  const emulator = await startSlackEmulator(options);
  const value = JSON.stringify({ baseUrl: emulator.url, token: emulator.token, ...settings });
  const config = { get: (key: string) => (key === "identity:slack" ? value : undefined) };
  await slackAccountProvider.configure!({ config } as never);
  await slackGroupProvider.configure!({ config } as never);
  return { emulator, config };
}

/** A happy-path account spec; tests change one thing at a time. */
export function spec(employeeId: string, overrides: Partial<AccountSpec> = {}): AccountSpec {
  return { ...happySpec(employeeId, { domain: "corp.com" }), ...overrides };
}

export function groupSpec(name: string, overrides: Partial<GroupSpec> = {}): GroupSpec {
  return { name, displayName: name.toUpperCase(), privileged: false, roleIds: [], ...overrides };
}

/** Slack API calls made by `work`, by method, counted by provider/net. */
export async function callsOf<T>(
  work: () => Promise<T>,
): Promise<{ result: T; calls: Record<string, number>; total: number }> {
  const counter = sharedRequestCounter();
  counter.reset("slack");
  const result = await work();
  const counts = counter.get("slack");
  return { result, calls: counts.byMethod, total: counts.total };
}

/** Slack users holding an email, straight from the emulator (not through the provider). */
export async function usersWithEmail(
  emulator: SlackEmulator,
  email: string,
): Promise<Array<{ id: string; active: boolean }>> {
  const url = `${emulator.url}/Users?filter=${encodeURIComponent(`email eq ${JSON.stringify(email)}`)}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${emulator.token}` } });
  return ((await res.json()) as { Resources: Array<{ id: string; active: boolean }> }).Resources;
}
