/**
 * What the program keeps of an account resource once the SDK has its inputs (issue #22 item 1).
 *
 * The SDK gives a resource one `Output` per input property and resolves it with the engine's answer: for an account,
 * the whole spec and the provider's text — a fresh copy per account (~3.4 KB while the SDK serialized it, ~0.6 KB
 * since), decoded from each registration's response. Nothing in the program reads an account's inputs back (the policy pack and the audit
 * readers read the engine's state), so the resource drops its references to those Outputs right after the
 * constructor: the SDK's own resolvers still settle them, and they are collected once the registration is answered.
 * Nothing here imports a third-party package: the program loads this file on its own (app-resources.ts).
 */

/** The input properties an account resource registers: the AccountSpec as one property, and the provider's text. */
const INPUTS = ["spec", "__provider"] as const;

/**
 * Drops `resource`'s references to its input Outputs; the registration itself is unchanged. The properties are set to
 * `undefined`, not deleted: a deleted property would turn every account object into a slower, larger dictionary.
 */
export function releaseInputs(resource: object): void {
  for (const key of INPUTS) Reflect.set(resource, key, undefined);
}
