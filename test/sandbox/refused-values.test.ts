/**
 * The emulators refuse what the vendors document, independently of the connectors' declared rules: for every
 * hostile value, the emulator accepts it exactly when the connector's rule says the app takes it, and accepts
 * the connector's mapped value where there is one. A rule too lax or an emulator too lenient fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appAccepts, judgeValue, type AcceptedField } from "../../provider/apps/accepts";
import type { AppName } from "../../provider/access";
import { startEntraEmulator, type EntraEmulator } from "../../sandbox/entra";
import { startGoogleEmulator, type GoogleEmulator } from "../../sandbox/google";
import { startSlackEmulator, type SlackEmulator } from "../../sandbox/slack";
import { call as entraCall, newUser as entraUser } from "./entra/api";
import { call as googleCall, newUser as googleUser } from "./google/api";
import { caller, newUser as slackUser } from "./slack/call";

const names = [
  "Olivia",
  "O'Brien",
  "José María",
  "李小龙",
  "Smith, Jr.",
  'Ann "Nan" Lee',
  "Zoë 🙂",
  "\u200fAli",
  "Ali\u200b",
  "<script>alert(1)</script>",
  "a".repeat(300),
  "b".repeat(61),
  "  Mary  Ann ",
  "🙂",
  "@sam",
  "Sam 👍🏽 Lee",
  "Anne & Co",
];
const ids = [
  "jane.doe",
  "o'neil",
  "jane+sales",
  "jane..doe",
  "josé",
  "jane doe",
  "x".repeat(65),
  "alexandra.montgomery-smith",
];

let google: GoogleEmulator;
let entra: EntraEmulator;
let slack: SlackEmulator;
beforeAll(async () => {
  [google, entra, slack] = await Promise.all([
    startGoogleEmulator(),
    startEntraEmulator({ domains: ["example.com"] }),
    startSlackEmulator({ rateLimitScale: false }),
  ]);
});
afterAll(() => Promise.all([google.stop(), entra.stop(), slack.stop()]));

let n = 0;
/** Creates one user whose `field` is `value` in the app's emulator; true when the emulator took it. */
const accepted: Record<string, (field: AcceptedField, value: string) => Promise<boolean>> = {
  async google(field, value) {
    const local = field === "email" ? value : `u${++n}`;
    const name = { givenName: "Liz", familyName: "Smith", ...(field === "email" ? {} : { [field]: value }) };
    const res = await googleCall(google, "POST", "/users", googleUser(local, { name }));
    return res.status === 200;
  },
  async entra(field, value) {
    const key = { givenName: "givenName", familyName: "surname", displayName: "displayName" }[field as string];
    const upn = { userPrincipalName: `${value}@example.com`, mailNickname: value };
    const extra = field === "userName" ? upn : { [key!]: value };
    const res = await entraCall(entra, "POST", "/users", entraUser(extra));
    return res.status === 201;
  },
  async slack(field, value) {
    n += 1;
    const user =
      field === "userName"
        ? slackUser(value, `s${n}@example.com`)
        : slackUser(`s${n}`, `s${n}@example.com`, { displayName: value });
    const res = await caller(slack)("POST", "/Users", user);
    return res.status === 201;
  },
};

const cases = (app: AppName, fields: AcceptedField[], values: string[]) =>
  fields.flatMap((field) =>
    values.map((value) => ({
      app,
      field,
      value,
      label: `${app} ${field} ${JSON.stringify(value).slice(0, 40)}`,
    })),
  );

describe.each([
  ...cases("google", ["givenName", "familyName", "displayName"], names),
  ...cases("google", ["email"], ids),
  ...cases("entra", ["givenName", "familyName", "displayName"], names),
  ...cases("entra", ["userName"], ids),
  ...cases("slack", ["displayName"], names),
  ...cases("slack", ["userName"], ids),
])("$label", ({ app, field, value }) => {
  it("the emulator agrees with the connector's rule, and takes the mapped value", async () => {
    const rule = appAccepts(app).rules.find((r) => r.field === field)!;
    const verdict = judgeValue(rule, field === "email" ? `${value}@example.com` : value);
    const send = (v: string) => accepted[app]!(field, v);
    expect(await send(value)).toBe(verdict.kind === "ok");
    if (verdict.kind === "mapped") expect(await send(verdict.value)).toBe(true);
  });
});
