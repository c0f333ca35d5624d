import type { HrField } from "../hr";
import { HrPullError } from "./errors";
import { credentialKey } from "./settings";
import type { HttpClient, HttpClientOptions, PaceRule } from "../net";

/**
 * One person as a vendor returned them, in the export's canonical fields (values already in idlc's vocabulary:
 * `active`/`leave`/`terminated`/`pre-hire`, ISO dates). `unreadable` lists the fields the credential may not read
 * for this person (a BambooHR restricted field, an omitted HiBob category, a Personio attribute not whitelisted):
 * such a value is unknown, never empty.
 */
export interface PulledRecord {
  values: Partial<Record<HrField, string>>;
  unreadable: HrField[];
  /** The vendor's time of the person's last change (RFC 3339), where its list gives one (`changeField`). */
  changedAt?: string;
  /** The vendor's own immutable id, for its change feed. */
  internalId?: string;
}

/** How to reach one vendor: API root, credential, and (from settings) vendor-specific options. */
export interface Connection {
  url: string;
  credential: string;
  /** Vendor-specific options (Personio's `employeeIdAttribute`). */
  options: Record<string, string>;
  /** Today, for statuses that depend on dates (an active person hired in the future is `pre-hire`). */
  today: string;
  /** Injected by tests and the bench: a counter, sleeps. */
  http?: Partial<Pick<HttpClientOptions, "counter" | "sleep" | "retry">>;
}

/** One HR vendor: the fields it supplies (with the permission that reads each) and how to read everyone. */
export interface HrVendorSource {
  vendor: string;
  /** Field → what to grant when the credential cannot read it. */
  permissions: Partial<Record<HrField, string>>;
  /** Everyone, active and inactive. @throws HttpError, PageTokenRepeatedError, HrPullError */
  pull(connection: Connection, client: ClientFactory): Promise<PulledRecord[]>;
  /** The vendor's cheap change feed, when it has one: whether anyone changed since `since` (one call). */
  changedSince?(connection: Connection, client: ClientFactory, since: string): Promise<boolean>;
  /** The vendor field `PulledRecord.changedAt` (or `changeTimes`) reads, named in the terminations record. */
  changeField?: string;
  /** When the list carries no change time: each changed person's last change since `since`, by internal id. */
  changeTimes?(connection: Connection, client: ClientFactory, since: string): Promise<Map<string, string>>;
}

/** An HTTP client for this vendor's API (`provider/net`: retries, Retry-After, pacing, counting). */
export type ClientFactory = (options: { authorization?: string; pacer?: PaceRule[] }) => HttpClient;

/**
 * A credential of the form `A:B` split in two.
 * @throws HrPullError naming the form expected, never the value given
 */
export function credentialPair(vendor: string, credential: string, form: string): [string, string] {
  const at = credential.indexOf(":");
  if (at <= 0 || at === credential.length - 1) {
    throw new HrPullError(
      "HR_PULL_CREDENTIAL",
      `${vendor}: ${credentialKey} is not ${form}`,
      `Set it with \`idlc config set --secret ${credentialKey}\` and give ${form} on stdin.`,
    );
  }
  return [credential.slice(0, at), credential.slice(at + 1)];
}

export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
