/**
 * @module sandbox/mail
 * A local SMTP catcher with a small web inbox, for the sspr portal's mails in tests and the demo.
 */
export { startCatcher, type CatcherOptions, type RunningCatcher } from "./catcher";
export { mailEmulator } from "./emulator";
export { decodeBody, parseHeaders, readMessage, type CaughtMail } from "./decode";
