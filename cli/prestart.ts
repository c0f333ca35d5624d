import { lazy } from "./lazy";

const prestart = lazy<typeof import("../engine/host/prestart")>("engine/host/prestart");

/**
 * A command that will run the stack's program on the offline engine starts the program's process now, before its
 * own code loads (engine/host/prestart.ts); a deployment's shards and the Pulumi CLI start their own.
 */
export async function prestartFor(flags: { cwd?: string; engine?: string; deployment?: string }): Promise<void> {
  if (flags.engine === "pulumi" || flags.deployment !== undefined) return;
  (await prestart()).prestartProgram(flags.cwd ?? process.cwd());
}

/** Lets the process `prestartFor` started go, when the command turns out to run its programs elsewhere. */
export async function dropPrestart(): Promise<void> {
  (await prestart()).dropPrestarted();
}
