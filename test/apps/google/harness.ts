/** Starts a Google emulator and configures the providers against it, as `configure()` would from stack config. */
import type { AccountSpec } from "../../../provider/access/account-spec";
import { googleAccountProvider, googleGroupProvider } from "../../../provider/apps/google";
import { startGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions } from "../../../sandbox/google";
import { happySpec } from "../shared/account-spec-fixture";

export interface GoogleHarness {
  emulator: GoogleEmulator;
  config: { get(key: string): string | undefined };
}

export async function startGoogleHarness(
  options: GoogleEmulatorOptions = {},
  settings: Record<string, unknown> = {},
): Promise<GoogleHarness> {
  const emulator = await startGoogleEmulator(options);
  const value = JSON.stringify({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    domain: emulator.domain,
    customerId: "my_customer",
    serviceAccountKey: JSON.stringify(emulator.serviceAccountKey),
    subject: emulator.adminEmail,
    ...settings,
  });
  const config = { get: (key: string) => (key === "identity:google" ? value : undefined) };
  await googleAccountProvider.configure!({ config } as never);
  await googleGroupProvider.configure!({ config } as never);
  return { emulator, config };
}

/** A happy-path account spec; tests change one thing at a time. */
export function spec(employeeId: string, overrides: Partial<AccountSpec> = {}): AccountSpec {
  return { ...happySpec(employeeId), ...overrides };
}
