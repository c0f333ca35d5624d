import { randomBytes } from "node:crypto";

/** What an issued access token stands for: the caller the emulator charges quotas to, and its grants. */
export interface TokenGrant {
  /** The app or service account that asked for the token. */
  client: string;
  /** Google: the delegated admin (`sub`); Graph: absent (app-only). */
  subject?: string;
  scopes: string[];
}

export interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

/**
 * Opaque bearer tokens with a lifetime, as both vendors issue them. `now` is injectable so tests can expire a
 * token without waiting an hour.
 */
export class TokenIssuer {
  private readonly grants = new Map<string, TokenGrant & { expiresAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly lifetimeSeconds = 3600,
  ) {}

  issue(grant: TokenGrant): IssuedToken {
    const token = `ya29.emu-${randomBytes(24).toString("base64url")}`;
    this.grants.set(token, { ...grant, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    return { access_token: token, token_type: "Bearer", expires_in: this.lifetimeSeconds };
  }

  /** A token that never expires, handed to tests and `idlc sandbox status` as `RunningEmulator.token`. */
  permanent(grant: TokenGrant): string {
    const token = `emu-static-${randomBytes(16).toString("hex")}`;
    this.grants.set(token, { ...grant, expiresAt: Number.POSITIVE_INFINITY });
    return token;
  }

  /** The grant behind an `Authorization` header value, or undefined when missing, unknown or expired. */
  resolve(authorization: string | undefined): TokenGrant | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    const grant = match ? this.grants.get(match[1]) : undefined;
    if (!grant || grant.expiresAt <= this.now()) return undefined;
    return grant;
  }

  /** How many tokens were handed out by the token endpoint (tests assert clients cache them). */
  get issuedCount(): number {
    let n = 0;
    for (const g of this.grants.values()) if (g.expiresAt !== Number.POSITIVE_INFINITY) n++;
    return n;
  }
}
