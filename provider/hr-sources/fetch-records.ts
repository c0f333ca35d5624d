import { ZodError } from "zod";
import { createHttpClient, HttpError, PageTokenRepeatedError } from "../net";
import { HrPullError } from "./errors";
import type { ClientFactory, Connection, HrVendorSource, PulledRecord } from "./record";
import { credentialKey } from "./settings";

/** The client factory every vendor gets: provider/net with the app name `hr-<vendor>`. */
export function clientFactory(vendor: string, connection: Connection): ClientFactory {
  return ({ authorization, pacer }) =>
    createHttpClient({
      app: `hr-${vendor}`,
      baseUrl: connection.url,
      pacer,
      ...connection.http,
      headers: { accept: "application/json", ...(authorization ? { authorization } : {}) },
    });
}

/**
 * Everyone the vendor holds. Every way a fetch can go wrong becomes one `HrPullError` naming the vendor and the
 * fix; the caller writes nothing.
 */
export async function fetchRecords(source: HrVendorSource, connection: Connection): Promise<PulledRecord[]> {
  try {
    return await source.pull(connection, clientFactory(source.vendor, connection));
  } catch (err) {
    throw translate(source.vendor, err);
  }
}

/** Whether the vendor's change feed reports anyone changed since `since` (one call). */
export async function changedSince(
  source: HrVendorSource,
  connection: Connection,
  since: string,
): Promise<boolean | undefined> {
  if (!source.changedSince) return undefined;
  try {
    return await source.changedSince(connection, clientFactory(source.vendor, connection), since);
  } catch (err) {
    throw translate(source.vendor, err);
  }
}

/** The vendor feed's last change time per changed person since `since`, by internal id (one call). */
export async function feedChangeTimes(
  source: HrVendorSource,
  connection: Connection,
  since: string,
): Promise<Map<string, string>> {
  if (!source.changeTimes) return new Map();
  try {
    return await source.changeTimes(connection, clientFactory(source.vendor, connection), since);
  } catch (err) {
    throw translate(source.vendor, err);
  }
}

function translate(vendor: string, err: unknown): unknown {
  const context = { app: `hr-${vendor}` };
  if (err instanceof HttpError) {
    const said = `${vendor}: ${err.message}; nothing was written`;
    if (err.kind === "unauthenticated") {
      return new HrPullError(
        "HR_PULL_UNAUTHENTICATED",
        said,
        `The HR system refused the credential: set a valid one with \`idlc config set --secret ${credentialKey}\`.`,
        context,
        err,
      );
    }
    if (err.kind === "permission-denied") {
      return new HrPullError(
        "HR_PULL_FORBIDDEN",
        said,
        "Give the API user read access to the people list (docs/HR.md names the permission per vendor).",
        context,
        err,
      );
    }
    return new HrPullError(
      "HR_PULL_UNAVAILABLE",
      said,
      "The HR system kept failing or throttling within the retry budget; run the pull again later.",
      context,
      err,
    );
  }
  if (err instanceof PageTokenRepeatedError) {
    return new HrPullError(
      "HR_PULL_PAGING",
      `${err.message}; nothing was written`,
      "The HR system's paging is broken (the walk would never end); run again later or report it to the vendor.",
      context,
      err,
    );
  }
  if (err instanceof ZodError) {
    return new HrPullError(
      "HR_PULL_RESPONSE",
      `${vendor}: the API answered in an unexpected shape (${err.issues[0]?.message}); nothing was written`,
      "Check identity:hr.source.url points at the vendor's API root.",
      context,
      err,
    );
  }
  return err;
}
