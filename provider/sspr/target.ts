/**
 * A password authority (`identity:sspr.targets`): an app the new password is written to, in the stack's order.
 * A target throws `TargetRefusal` when the app's own password policy says no, so every app's refusal reads the
 * same; any other error means the app could not be reached or refused the service account.
 */
import type { Subject } from "./subject";

export interface PasswordTarget {
  app: string;
  /** What people know the app as, on the pages and in mail (default: `TARGET_NAMES` for its kind, else the key). */
  name?: string;
  /** Sets `password` on the person's account; `forceChange` asks the app to require a change at next sign-in. */
  setPassword(subject: Subject, password: string, options: { forceChange: boolean }): Promise<void>;
}

export class TargetRefusal extends Error {
  override name = "TargetRefusal";
  constructor(
    readonly app: string,
    readonly detail: string,
  ) {
    super(`${app} refused the password under its own policy: ${detail}`);
  }
}

/** The name a person knows each password authority by, unless `identity:sspr.names` says otherwise. */
export const TARGET_NAMES: Readonly<Record<string, string>> = {
  ldap: "Company directory (LDAP)",
  entra: "Microsoft 365",
  google: "Google Workspace",
};

export interface TargetResult {
  app: string;
  /** The target's display name (`PasswordTarget.name`): what the pages and the mail show; audit events keep `app`. */
  name: string;
  outcome: "set" | "policy" | "failed";
  /** For the audit event and the operator's log; never contains the password. */
  detail?: string;
}

/** Writes to each target in order and reports each; a policy refusal stops there (the next would refuse too). */
export async function setEverywhere(
  targets: readonly PasswordTarget[],
  subject: Subject,
  password: string,
  forceChange: boolean,
): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const target of targets) {
    const named = { app: target.app, name: target.name ?? TARGET_NAMES[target.app] ?? target.app };
    try {
      await target.setPassword(subject, password, { forceChange });
      results.push({ ...named, outcome: "set" });
    } catch (error) {
      const policy = error instanceof TargetRefusal;
      results.push({ ...named, outcome: policy ? "policy" : "failed", detail: (error as Error).message });
      if (policy) break;
    }
  }
  return results;
}
