/**
 * @module sspr
 * Self-service password reset: a person asks for a link at the recovery address HR holds for them, follows it
 * and chooses a password that is written to every password authority of the stack (`identity:sspr.targets`).
 * Pure decisions — eligibility, tokens, NIST password policy, rate limits — plus thin shells: the state file
 * (0600), the stack's event chain for audit, the LDAP target, the SMTP mailer and the HTTP portal.
 *
 * @example
 * const service = new SsprService({ subjects: () => subjects, stateFile, publicUrl, ... });
 * const app = portalApp({ service, publicUrl });
 */
export { eligibility, findSubject, type Subject, type Refusal } from "./subject";
export {
  issueToken,
  checkToken,
  hashToken,
  pruneTokens,
  TOKEN_MINUTES,
  type TokenRecord,
  type TokenPurpose,
} from "./tokens";
export { hit, pruneRates, DEFAULT_RATE_RULES, type RateRules, type RateRule, type RateState } from "./rate-limit";
export {
  checkPassword,
  contextWords,
  problemMessage,
  policyFrom,
  DEFAULT_POLICY,
  type PasswordPolicy,
  type PasswordProblem,
  type PasswordVerdict,
} from "./password-policy";
export { strength, type Strength } from "./strength";
export { readState, writeState, EMPTY_STATE, type SsprState } from "./state-file";
// The portal's log is an event chain the audit readers verify and merge (provider/audit/event-chain.ts).
export {
  eventChainAppender as auditLog,
  readEventChain,
  serviceLogFile,
  type ServiceEvent as SsprEvent,
  type ChainedEvent,
} from "../audit";
export { setEverywhere, TargetRefusal, TARGET_NAMES, type PasswordTarget, type TargetResult } from "./target";
export { ldapTarget, ldapPasswordChanges } from "./ldap-target";
export { linkMail, changedMail, type Mail } from "./mail-text";
export {
  SsprService,
  type SsprServiceOptions,
  type ResetOutcome,
  type OpenedLink,
  type ActivationRun,
} from "./service";
export { SsprError, type SsprCode } from "./errors";
export { smtpMailer, type SmtpSettings } from "./smtp-mailer";
export { portalApp, type PortalOptions } from "./portal/app";
export { subjectsOf } from "./subjects";
export { entraTarget } from "./entra-target";
export { googleTarget } from "./google-target";
export {
  checkCode,
  issueCode,
  workMailChannel,
  CODE_MINUTES,
  CODE_TRIES,
  type CodeChannel,
  type CodeRecord,
} from "./codes";
export {
  accountsSince,
  activationDecision,
  ACTIVATION_HOURS,
  type ActivationFacts,
  type RecordedState,
  type ActivationRecord,
  type ActivationSkip,
} from "./activation";
