/**
 * Mail through SMTP with nodemailer (`identity:sspr.smtp`): STARTTLS required when `starttls` is set (the
 * default), implicit TLS on port 465, credentials from stack secrets. Returns the `send` the service takes.
 */
import type { Mail } from "./mail-text";
import { SsprError } from "./errors";

export interface SmtpSettings {
  host: string;
  port: number;
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  starttls: boolean;
  user?: string;
  password?: string;
  from: string;
}

export function smtpMailer(settings: SmtpSettings): (mail: Mail) => Promise<void> {
  const nodemailer = require("nodemailer") as typeof import("nodemailer");
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    requireTLS: settings.starttls && settings.port !== 465,
    ignoreTLS: !settings.starttls && settings.port !== 465,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: 10_000,
  });
  return async (mail) => {
    try {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (cause) {
      throw new SsprError(
        "SSPR_MAIL_FAILED",
        `SMTP ${settings.host}:${settings.port} did not take the mail: ` + `${(cause as Error).message}`,
        "Check identity:sspr.smtp (host, port, starttls, user) and the SMTP server's log.",
        { host: settings.host },
        cause,
      );
    }
  };
}
