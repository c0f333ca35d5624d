/** The three mails, as plain text: a reset or activation link, and the "your password was changed" notice. */
import type { TokenPurpose } from "./tokens";
import type { TargetResult } from "./target";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

const INTRO: Record<TokenPurpose, string> = {
  reset: "Someone (hopefully you) asked to reset the password of your work account.",
  activation: "Welcome! Choose the password of your new work account.",
  helpdesk: "The IT helpdesk sent you this link to set a new password for your work account.",
};

export function linkMail(to: string, purpose: TokenPurpose, link: string, minutes: number): Mail {
  return {
    to: [to],
    subject: purpose === "activation" ? "Activate your work account" : "Reset your work password",
    text:
      `${INTRO[purpose]}\n\nOpen this link within ${lifetime(minutes)}; it works once:\n\n${link}\n\n` +
      "If you did not ask for this, ignore this mail: your password stays as it is.\n",
  };
}

const lifetime = (minutes: number) =>
  minutes % 60 === 0 && minutes >= 120 ? `${minutes / 60} hours` : `${minutes} minutes`;

export function changedMail(to: string[], results: readonly TargetResult[]): Mail {
  const apps = results
    .filter((r) => r.outcome === "set")
    .map((r) => r.name)
    .join(", ");
  return {
    to,
    subject: "Your work password was changed",
    text:
      `The password of your work account was just changed (${apps}).\n\n` +
      "If this was not you, call the IT helpdesk now.\n",
  };
}
