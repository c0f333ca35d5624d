/**
 * Just enough RFC 5322 / RFC 2045 to read the single-part text mails idlc sends: header fields (unfolded) and
 * the body decoded from quoted-printable or base64, so a test or the inbox sees the link as the person would.
 */
export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
}

export function parseHeaders(head: string): Record<string, string> {
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable": {
      const soft = body.replace(/=\r?\n/g, "");
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i++) {
        const hex = soft.slice(i + 1, i + 3);
        if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(parseInt(hex, 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(soft[i]!, "utf8"));
        }
      }
      return Buffer.from(bytes).toString("utf8");
    }
    default:
      return body;
  }
}

/** A raw message as received; `id`, time and envelope come from the SMTP session. */
export function readMessage(raw: string, envelope: { id: number; from: string; to: string[] }): CaughtMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = parseHeaders(head);
  return {
    ...envelope,
    receivedAt: new Date().toISOString(),
    subject: headers.subject ?? "",
    text: decodeBody(body, headers["content-transfer-encoding"]).replace(/\r\n/g, "\n"),
  };
}
