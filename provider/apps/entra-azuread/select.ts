/**
 * The one call the Pulumi program makes: the app table for the stack's Entra mode. Graph mode returns the
 * table unchanged; azuread mode swaps in `azureadResources`, reading the password seed as a secret from config.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccessPlan, AppName } from "../../access";
import type { AppResources } from "../../stack";
import { EntraModeError } from "./errors";
import { azureadResources } from "./resources";
import { azureadConfig, entraMode } from "./settings";

/**
 * @param raw the stack file's whole `config:` map (`StackSettings.raw`)
 * @param plan the plan the identity stack declares
 * @param base the default app table (`appResources`)
 * @throws EntraModeError on an unknown mode or invalid azuread settings (before any resource is declared)
 */
export function resourcesForEntraMode(
  raw: Record<string, unknown>,
  plan: AccessPlan,
  base: Record<AppName, AppResources>,
): Record<AppName, AppResources> {
  if (entraMode(raw) === "graph") return base;
  const { mode: _mode, initialPasswordSeed: _encrypted, ...settings } = azureadConfig(raw);
  const seed = new pulumi.Config("identity")
    .requireSecretObject<{ initialPasswordSeed?: unknown }>("entra")
    .apply(({ initialPasswordSeed }) => {
      if (typeof initialPasswordSeed === "string") return initialPasswordSeed;
      throw new EntraModeError(
        "identity:entra.initialPasswordSeed",
        "did not reach the program as a string",
        "Set it with `pulumi config set --path --secret identity:entra.initialPasswordSeed <seed>`.",
      );
    });
  return { ...base, entra: azureadResources({ ...settings, initialPasswordSeed: seed }, plan) };
}
