/** Starts an Entra emulator and configures the providers against it, as `configure()` would from stack config. */
import type { EntraAccountInputs } from "../../../provider/apps/entra";
import { entraAccountProvider, entraGroupProvider } from "../../../provider/apps/entra";
import { startEntraEmulator, type EntraEmulator, type EntraEmulatorOptions } from "../../../sandbox/entra";
import { happySpec } from "../shared/account-spec-fixture";

export interface EntraHarness {
  emulator: EntraEmulator;
  config: { get(key: string): string | undefined };
}

export async function startEntraHarness(
  options: EntraEmulatorOptions = {},
  settings: Record<string, unknown> = {},
): Promise<EntraHarness> {
  const emulator = await startEntraEmulator({ domains: ["example.com"], ...options });
  const value = JSON.stringify({
    graphUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    tenantId: emulator.tenantId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    domain: emulator.domain,
    ...settings,
  });
  const config = { get: (key: string) => (key === "identity:entra" ? value : undefined) };
  await entraAccountProvider.configure!({ config } as never);
  await entraGroupProvider.configure!({ config } as never);
  return { emulator, config };
}

/** A happy-path account spec (Entra's user name is the address); tests change one thing at a time. */
export function spec(employeeId: string, overrides: Partial<EntraAccountInputs> = {}): EntraAccountInputs {
  const base = happySpec(employeeId, { givenName: "Grace" });
  return { ...base, userName: base.email, ...overrides };
}
