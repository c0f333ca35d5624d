/**
 * The reset flow, without HTTP: `requestLink` (always the same neutral outcome to the caller), `openLink`,
 * `completeReset`, and `sendHelpdeskLink`. Every decision is a pure function (eligibility, tokens, rate limits,
 * password policy); this file wires them to the state file, the mailer, the targets and the audit sink.
 * (Past 300 lines: one class holds the whole flow; every decision in it already lives in its own file.)
 */
import { eligibility, findSubject, type Subject } from "./subject";
import { ACTIVATION_HOURS, activationDecision, type ActivationFacts, type ActivationSkip } from "./activation";
import { checkPassword, contextWords, type PasswordPolicy, type PasswordVerdict } from "./password-policy";
import { hit, pruneRates, type RateRules } from "./rate-limit";
import { checkToken, issueToken, pruneTokens, TOKEN_MINUTES, type TokenPurpose } from "./tokens";
import { stateStore, type SsprState, type StateStore } from "./state-file";
import { changedMail, linkMail, type Mail } from "./mail-text";
import { setEverywhere, type PasswordTarget, type TargetResult } from "./target";
import type { ServiceEvent as SsprEvent } from "../audit";
import { SsprError } from "./errors";
import { checkCode, CODE_MINUTES, CODE_TRIES, issueCode, type CodeChannel } from "./codes";

export interface SsprServiceOptions {
  subjects: () => readonly Subject[];
  stateFile: string;
  /** Links are built from this, never from a request's Host header. */
  publicUrl: string;
  policy: PasswordPolicy;
  rates: RateRules;
  companyWords: readonly string[];
  targets: readonly PasswordTarget[];
  forceChange: boolean;
  send: (mail: Mail) => Promise<void>;
  audit: (event: SsprEvent) => void;
  /** `identity:sspr.codes`: each link also needs a 6-digit code sent through this second channel. */
  codes?: CodeChannel;
  now?: () => number;
}

export type OpenedLink = { ok: true; subject: Subject; purpose: TokenPurpose; needsCode: boolean } | { ok: false };

export interface ActivationRun {
  sent: string[];
  failed: string[];
  skipped: Record<string, ActivationSkip>;
}

export type ResetOutcome =
  | { status: "invalid-link" }
  | { status: "wrong-code"; triesLeft: number }
  | { status: "rejected"; verdict: PasswordVerdict }
  | { status: "done" | "partial"; results: TargetResult[] };

export class SsprService {
  private readonly store: StateStore;
  private readonly now: () => number;

  constructor(private readonly options: SsprServiceOptions) {
    this.store = stateStore(options.stateFile);
    this.store.current(); // a damaged state file stops the service before it serves anyone
    this.now = options.now ?? Date.now;
  }

  /** Always the file's latest: `idlc sspr send-link` and `activate` issue links beside a running portal. */
  private get state(): SsprState {
    return this.store.current();
  }

  /**
   * The caller learns nothing: known or not, eligible or not, limited or not, it resolves the same way. The mail
   * goes out in the background (`pending` resolves when it has), so sending time never shows in the answer.
   */
  requestLink(identifier: string, client: string): { pending: Promise<void> } {
    const now = this.now();
    const subject = findSubject(this.options.subjects(), identifier);
    const limited = hit(
      this.state.rates,
      this.options.rates,
      {
        account: subject?.employeeId ?? `?${identifier.trim().toLowerCase()}`,
        recovery: subject?.recoveryEmail?.toLowerCase(),
        client,
      },
      now,
    );
    this.save({ ...this.state, rates: pruneRates(limited.state, this.options.rates, now) });
    const base = { client, employeeId: subject?.employeeId };
    if (!limited.allowed) {
      this.options.audit({ type: "sspr.rate-limited", ...base, detail: limited.refusedBy });
      return { pending: Promise.resolve() };
    }
    const allowed = eligibility(subject);
    if (!allowed.ok) {
      this.options.audit({ type: "sspr.refused", ...base, detail: allowed.refusal });
      return { pending: Promise.resolve() };
    }
    this.options.audit({ type: "sspr.requested", ...base });
    // Issuing and sending wait for the next turn, after the caller has answered: no extra work on this path.
    const pending = new Promise((resolve) => setImmediate(resolve)).then(() =>
      this.sendLink(subject!, "reset", client),
    );
    return { pending: pending.then(() => undefined) };
  }

  /** A link from the helpdesk: no eligibility shortcut for leavers, but the recovery address need not exist. */
  async sendHelpdeskLink(employeeId: string, by: string, reason: string, to?: string): Promise<void> {
    const subject = this.options.subjects().find((s) => s.employeeId === employeeId);
    const allowed = eligibility(
      subject && { ...subject, recoveryEmail: to ?? subject.recoveryEmail ?? subject.workEmail },
    );
    if (!allowed.ok) {
      this.options.audit({
        type: "sspr.refused",
        employeeId,
        detail: `${allowed.refusal} (helpdesk ${by}: ${reason})`,
      });
      throw new SsprError(
        "SSPR_NOT_ELIGIBLE",
        `${employeeId} may not reset a password (${allowed.refusal})`,
        "Only people active today in the HR export, with no kill switch, get a link; check the export.",
        { employeeId },
      );
    }
    this.options.audit({ type: "sspr.helpdesk-requested", employeeId, detail: `${by}: ${reason}` });
    const sent = await this.sendLink(
      { ...subject!, recoveryEmail: to ?? subject!.recoveryEmail ?? subject!.workEmail },
      "helpdesk",
      by,
    );
    if (!sent) {
      throw new SsprError(
        "SSPR_MAIL_FAILED",
        `the link for ${employeeId} could not be mailed`,
        "Check identity:sspr.smtp and the SMTP server, then run the command again.",
        { employeeId },
      );
    }
  }

  /**
   * Sends an activation link to every joiner `activationDecision` finds due (none twice: the state file records
   * each link, and a completed activation or reset ends it); `dryRun` only reports who would get one.
   */
  async sendActivations(
    facts: Omit<ActivationFacts, "records" | "now">,
    by: string,
    dryRun = false,
  ): Promise<ActivationRun> {
    const run: ActivationRun = { sent: [], failed: [], skipped: {} };
    for (const subject of this.options.subjects()) {
      const decision = activationDecision(subject, { ...facts, records: this.state.activations, now: this.now() });
      if (!decision.due) {
        run.skipped[subject.employeeId] = decision.why;
        continue;
      }
      if (dryRun) {
        run.sent.push(subject.employeeId);
        continue;
      }
      this.options.audit({ type: "sspr.activation-requested", employeeId: subject.employeeId, detail: by });
      const sent = await this.sendLink(subject, "activation", by, ACTIVATION_HOURS * 60);
      (sent ? run.sent : run.failed).push(subject.employeeId);
      if (sent) {
        const now = this.now();
        this.save({
          ...this.state,
          activations: {
            ...this.state.activations,
            [subject.employeeId]: { sentAt: now, expiresAt: now + ACTIVATION_HOURS * 3_600_000 },
          },
        });
      }
    }
    return run;
  }

  openLink(token: string): OpenedLink {
    const checked = checkToken(this.state.tokens, token, this.now());
    if (!checked.ok) return { ok: false };
    const subject = this.options.subjects().find((s) => s.employeeId === checked.record.employeeId);
    // A person who left (or was kill-switched) after the link went out can no longer use it.
    if (!eligibility(subject && { ...subject, recoveryEmail: subject.recoveryEmail ?? "-" }).ok) return { ok: false };
    const needsCode = checked.record.code !== undefined;
    return { ok: true, subject: subject!, purpose: checked.record.purpose, needsCode };
  }

  verdict(subject: Subject, password: string): PasswordVerdict {
    const words = contextWords([
      subject.firstName,
      subject.lastName,
      subject.displayName,
      subject.userName,
      subject.workEmail?.split("@")[0],
      subject.recoveryEmail?.split("@")[0],
      ...this.options.companyWords,
    ]);
    return checkPassword(password, words, this.options.policy);
  }

  async completeReset(token: string, password: string, client: string, code = ""): Promise<ResetOutcome> {
    const opened = this.openLink(token);
    if (!opened.ok) {
      this.options.audit({ type: "sspr.link-invalid", client });
      return { status: "invalid-link" };
    }
    const { subject } = opened;
    const codeOutcome = this.checkLinkCode(token, code, subject.employeeId, client);
    if (codeOutcome) return codeOutcome;
    const verdict = this.verdict(subject, password);
    if (!verdict.ok) {
      this.options.audit({
        type: "sspr.password-rejected",
        employeeId: subject.employeeId,
        client,
        detail: verdict.problems.join(","),
      });
      return { status: "rejected", verdict };
    }
    this.options.audit({ type: "sspr.link-used", employeeId: subject.employeeId, client });
    const results = await setEverywhere(this.options.targets, subject, password, this.options.forceChange);
    for (const result of results) {
      this.options.audit({
        type: `sspr.reset.${result.outcome}`,
        employeeId: subject.employeeId,
        client,
        app: result.app,
        detail: result.detail,
      });
    }
    if (results.some((r) => r.outcome === "policy")) {
      return { status: "rejected", verdict: { ...verdict, ok: false, problems: ["target-policy"] } };
    }
    const done = results.length === this.options.targets.length && results.every((r) => r.outcome === "set");
    if (!done) return { status: "partial", results };
    const hash = checkToken(this.state.tokens, token, this.now());
    const now = this.now();
    // A person who set a password through the portal, by activation or reset, needs no activation link any more.
    const activation = this.state.activations[subject.employeeId] ?? { sentAt: now, expiresAt: now };
    this.save({
      ...this.state,
      tokens: this.state.tokens.map((r) => (hash.ok && r.hash === hash.record.hash ? { ...r, usedAt: now } : r)),
      activations: {
        ...this.state.activations,
        [subject.employeeId]: { ...activation, completedAt: activation.completedAt ?? now },
      },
    });
    this.options.audit({
      type: "sspr.completed",
      employeeId: subject.employeeId,
      client,
      detail: `${opened.purpose}: ${results.map((r) => r.app).join(", ")}`,
    });
    const to = [subject.workEmail, subject.recoveryEmail].filter((a): a is string => Boolean(a));
    await this.options
      .send(changedMail(to, results))
      .catch((error: Error) =>
        this.options.audit({ type: "sspr.mail-failed", employeeId: subject.employeeId, detail: error.message }),
      );
    return { status: "done", results };
  }

  /** Undefined when the link needs no code or the right one was given; else the outcome, the failure counted. */
  private checkLinkCode(token: string, code: string, employeeId: string, client: string): ResetOutcome | undefined {
    const now = this.now();
    const checked = checkToken(this.state.tokens, token, now);
    if (!checked.ok || !checked.record.code) return undefined;
    const result = checkCode(checked.record.code, token, code, now);
    if (result.ok) return undefined;
    const spent = result.reason !== "wrong";
    this.save({
      ...this.state,
      tokens: this.state.tokens.map((r) =>
        r.hash === checked.record.hash ? { ...r, code: result.record, ...(spent ? { usedAt: now } : {}) } : r,
      ),
    });
    this.options.audit({ type: "sspr.code-rejected", employeeId, client, detail: result.reason });
    if (spent) return { status: "invalid-link" };
    return { status: "wrong-code", triesLeft: CODE_TRIES - result.record.failures };
  }

  /** False when the mail could not be sent (recorded in the audit log). */
  private async sendLink(
    subject: Subject,
    purpose: TokenPurpose,
    client: string,
    minutes = TOKEN_MINUTES,
  ): Promise<boolean> {
    const now = this.now();
    const { token, record } = issueToken(subject.employeeId, purpose, now, minutes);
    const code = this.options.codes ? issueCode(token, now) : undefined;
    const stored = { ...record, ...(code ? { code: code.record } : {}) };
    this.save({ ...this.state, tokens: [...pruneTokens(this.state.tokens, now), stored] });
    const link = new URL(`reset?token=${token}`, withSlash(this.options.publicUrl)).href;
    try {
      await this.options.send(linkMail(subject.recoveryEmail!, purpose, link, minutes));
      this.options.audit({ type: "sspr.link-sent", employeeId: subject.employeeId, client, detail: purpose });
      if (code) {
        await this.options.codes!.send(subject, code.code, CODE_MINUTES);
        this.options.audit({
          type: "sspr.code-sent",
          employeeId: subject.employeeId,
          detail: this.options.codes!.name,
        });
      }
      return true;
    } catch (error) {
      this.options.audit({
        type: "sspr.mail-failed",
        employeeId: subject.employeeId,
        detail: (error as Error).message,
      });
      return false;
    }
  }

  private save(state: SsprState): void {
    this.store.save(state);
  }
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
