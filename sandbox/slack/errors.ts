import { IdlcError } from "../../errors";

/** The SCIM v2 error envelope Slack answers with; note `status` is a number (app-apis.md §1.6). */
export const SCIM_ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

export interface SlackErrorBody {
  schemas: [typeof SCIM_ERROR_URN];
  detail: string;
  status: number;
}

/**
 * A request the emulator refuses the way Slack does. `detail` is one of Slack's documented codes
 * (`email_taken`, `no_such_user`, …); the HTTP layer turns it into the v2 error body.
 */
export class SlackScimError extends IdlcError {
  override name = "SlackScimError";
  readonly status: number;
  readonly detail: string;
  /** Seconds for the `Retry-After` header on 429 answers. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, detail: string, retryAfterSeconds?: number) {
    super(`SLACK_${detail.toUpperCase()}`, `Slack SCIM emulator: ${status} ${detail}`, {
      fix: "Change the request to satisfy Slack's SCIM rules (docs/reference app-apis.md §1).",
      context: { app: "slack" },
    });
    this.status = status;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  body(): SlackErrorBody {
    return { schemas: [SCIM_ERROR_URN], detail: this.detail, status: this.status };
  }
}

export const badRequest = (detail: string) => new SlackScimError(400, detail);
export const conflict = (detail: string) => new SlackScimError(409, detail);
export const forbidden = (detail: string) => new SlackScimError(403, detail);
export const noSuchUser = () => new SlackScimError(404, "no_such_user");
export const noSuchGroup = () => new SlackScimError(404, "no_such_group");
