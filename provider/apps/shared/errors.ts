import { IdlcError } from "../../errors";

/** The `identity:<app>` stack config is missing, not JSON, or fails its schema. */
export class AppSettingsError extends IdlcError {
  override name = "AppSettingsError";
  constructor(app: string, key: string, problem: string, fix: string) {
    super("APP_SETTINGS_INVALID", `${key}: ${problem}`, { fix, context: { app, key } });
    // Set again: a provider rehydrated from state runs this class as a function, where `super()` cannot set it.
    this.message = `${key}: ${problem}`;
  }
}

/**
 * A provider method ran before `configure()` handed it the app's settings; `refused` is why configure failed, when it
 * did (every resource of the app then says so, not only the first).
 */
export class AppNotConfiguredError extends IdlcError {
  override name = "AppNotConfiguredError";
  constructor(app: string, refused?: { message: string; fix?: string }) {
    const message = refused
      ? `${app}: not configured: ${refused.message}`
      : `${app}: the provider was used before configure() received identity:${app}`;
    super("APP_NOT_CONFIGURED", message, {
      fix:
        refused?.fix ??
        `Set identity:${app} in the stack config (pulumi config set --path --secret identity:${app}...).`,
      context: { app },
    });
    // Set again: a provider rehydrated from state runs this class as a function, where `super()` cannot set it.
    this.message = message;
  }
}

/** Delete reached an account that is still enabled: the two-phase leaver rule refuses (DESIGN.md §4.3). */
export class AccountStillEnabledError extends IdlcError {
  override name = "AccountStillEnabledError";
  constructor(app: string, employeeId: string) {
    const message = `${app}: refusing to delete the account of ${employeeId} because it is still enabled`;
    super("ACCOUNT_STILL_ENABLED", message, {
      fix: "Disable the account first (the person must be terminated in HR and the stack updated); a missing HR row never deletes.",
      context: { app, employeeId },
    });
    // Set again: a provider rehydrated from state runs this class as a function, where `super()` cannot set it.
    this.message = message;
  }
}

/** `IDLC_CREDENTIALS` holds a value idlc does not know. */
export class CredentialsModeError extends IdlcError {
  override name = "CredentialsModeError";
  constructor(value: string) {
    const message = `IDLC_CREDENTIALS is "${value}", which is not none, read-only or write`;
    const fix = "Unset IDLC_CREDENTIALS (idlc sets it per command), or set none, read-only or write.";
    super("CREDENTIALS_MODE_INVALID", message, { fix });
    this.message = message;
  }
}

/** A provider method that needs an app credential ran where this run has none (preview) or only a read-only one. */
export class CredentialsWithheldError extends IdlcError {
  override name = "CredentialsWithheldError";
  constructor(app: string, operation: string, mode: "none" | "read-only", employeeId?: string) {
    const who = employeeId ? ` for ${employeeId}` : "";
    const message =
      mode === "none"
        ? `${app}: ${operation}${who} needs the app's credentials, and this run has none ` +
          "(preview, diff and validate run without secrets)"
        : `${app}: ${operation}${who} writes to the app, and this run holds read-only credentials (refresh)`;
    super("CREDENTIALS_WITHHELD", message, {
      fix:
        mode === "none"
          ? "Run `idlc up` (or `idlc refresh`) where PULUMI_CONFIG_PASSPHRASE is set; a preview only plans."
          : "Run `idlc up` to change accounts; refresh only reads.",
      context: { app, ...(employeeId ? { employeeId } : {}) },
    });
    // Set again: a provider rehydrated from state runs this class as a function, where `super()` cannot set it.
    this.message = message;
  }
}
