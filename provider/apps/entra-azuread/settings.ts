/**
 * `identity:entra` gains `mode`: `graph` (default, our Graph connector) or `azuread` (the official
 * `@pulumi/azuread` resources). In azuread mode the key holds only what the program needs to declare resources;
 * the provider's own credentials live in its `azuread:` namespace (tenantId, clientId, clientSecret or OIDC).
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { EntraModeError } from "./errors";

export const EntraMode = z.enum(["graph", "azuread"]);
export type EntraMode = z.infer<typeof EntraMode>;

/** The schema piece both modes share; the Graph connector's strict settings schema must accept it too. */
export const entraModeShape = { mode: EntraMode.default("graph") };

export const ENTRA_KEY = "identity:entra";

/** A `secure:` value as the stack file holds it: the seed must never sit in the file as plain text. */
const SecureValue = z.strictObject(
  { secure: z.string().min(1) },
  { error: "must be a secret: set it with `pulumi config set --path --secret`" },
);

/** `identity:entra` as written in the stack file in azuread mode (secure values still encrypted). */
export const AzureadConfig = z.strictObject({
  mode: z.literal("azuread"),
  /** A verified tenant domain: a `userName` without `@` becomes `<userName>@<domain>`, as in graph mode. */
  domain: z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, "expected a verified domain such as contoso.com")
    .transform((d) => d.toLowerCase()),
  /** Graph caps companyName at 64 characters. */
  companyName: z.string().min(1).max(64).optional(),
  /** Object id of an existing (role-assignable) group that makes a member an admin (AccountSpec.admin). */
  adminGroupId: z.guid().optional(),
  /** Sets azuread's forcePasswordChange, which only acts together with a password write (i.e. on create). */
  forcePasswordChange: z.boolean().default(true),
  /** Secret the initial passwords are derived from (see `initialPassword`). */
  initialPasswordSeed: SecureValue,
});
export type AzureadConfig = z.infer<typeof AzureadConfig>;

/** What `azureadResources` needs: the stack's azuread settings with the seed as a (secret) program value. */
export type AzureadSettings = Omit<AzureadConfig, "mode" | "initialPasswordSeed"> & {
  initialPasswordSeed: pulumi.Input<string>;
};

const FIX = "Set `identity:entra.mode` to graph or azuread (see docs/ARCHITECTURE.md, Entra through @pulumi/azuread).";

/**
 * The Entra mode of a stack, from its raw `config:` map (`StackSettings.raw`). No `identity:entra` or no
 * `mode` means graph.
 * @throws EntraModeError when `identity:entra` is not a map or `mode` is not graph or azuread
 */
export function entraMode(raw: Record<string, unknown>): EntraMode {
  const value = raw[ENTRA_KEY];
  if (value === undefined || value === null) return "graph";
  const parsed = z.looseObject(entraModeShape).safeParse(value);
  if (!parsed.success) throw invalid(parsed.error, FIX);
  return parsed.data.mode;
}

/**
 * The azuread-mode settings of a stack, validated strictly (a typo is an error, not a silent default).
 * @throws EntraModeError naming the first bad key
 */
export function azureadConfig(raw: Record<string, unknown>): AzureadConfig {
  const parsed = AzureadConfig.safeParse(raw[ENTRA_KEY]);
  if (!parsed.success) {
    throw invalid(
      parsed.error,
      "azuread mode needs identity:entra {mode: azuread, domain, initialPasswordSeed (secret)} and optionally companyName, adminGroupId, forcePasswordChange.",
    );
  }
  return parsed.data;
}

function invalid(error: z.ZodError, fix: string): EntraModeError {
  const issue = error.issues[0]!;
  const key = [ENTRA_KEY, ...issue.path.map(String)].join(".");
  return new EntraModeError(key, issue.message, fix);
}
