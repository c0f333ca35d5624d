/**
 * `npm run bench -- sspr [requests] [resets]`: the portal on this machine, in one process with a real slapd and
 * the SMTP catcher. (1) Request-page throughput with rate limiting on: every request from its own client address
 * (via a trusted X-Forwarded-For) so each runs the whole path (lookup, limits, state write, audit, mail for the known half),
 * 20 in flight. (2) Latency of full resets, one after another: request → mail → open link → submit → slapd write.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "ldapts";
import { startSlapd } from "../../sandbox/ldap";
import { startCatcher } from "../../sandbox/mail";
import {
  auditLog,
  DEFAULT_POLICY,
  DEFAULT_RATE_RULES,
  ldapTarget,
  portalApp,
  smtpMailer,
  SsprService,
  type Subject,
} from "../../provider/sspr";

const [requests = 400, resets = 20] = process.argv.slice(2).map(Number);
const PASSWORD = "orbit kettle marmalade lantern";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function form(url: string, fields: Record<string, string>, cookie: string, forwarded = "127.0.0.1") {
  return fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwarded },
    body: new URLSearchParams(fields).toString(),
  });
}

async function session(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(url);
  const html = await response.text();
  return {
    cookie: response.headers.get("set-cookie")!.split(";")[0]!,
    csrf: /name="csrf" value="([^"]+)"/.exec(html)![1]!,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sspr-"));
  const slapd = await startSlapd({});
  const catcher = await startCatcher();
  const subjects: Subject[] = [];
  const admin = new Client({ url: slapd.url });
  await admin.bind(slapd.bindDN, slapd.password);
  for (let i = 0; i < resets; i++) {
    const uid = `bench${i}`;
    await admin.add(`uid=${uid},${slapd.peopleDN}`, {
      objectClass: ["inetOrgPerson"],
      uid,
      cn: uid,
      sn: "Bench",
      employeeNumber: `B${i}`,
      userPassword: "initial-Password-1",
    });
    subjects.push({
      employeeId: `B${i}`,
      firstName: "Bench",
      lastName: `Person${i}`,
      displayName: `Bench ${i}`,
      userName: uid,
      workEmail: `${uid}@example.com`,
      recoveryEmail: `${uid}@home.example`,
      lifecycle: "active",
      killSwitched: false,
    });
  }
  await admin.unbind();
  // Phase 1's known people: one request each, so no per-account limit hides the whole path.
  for (let i = 0; i < requests; i += 2) {
    subjects.push({
      employeeId: `L${i}`,
      firstName: "Load",
      lastName: `Person${i}`,
      displayName: `Load ${i}`,
      userName: `load${i}`,
      workEmail: `load${i}@example.com`,
      recoveryEmail: `load${i}@home.example`,
      lifecycle: "active",
      killSwitched: false,
    });
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service = new SsprService({
    subjects: () => subjects,
    stateFile: path.join(dir, "state.json"),
    publicUrl: `${url}/`,
    policy: DEFAULT_POLICY,
    rates: DEFAULT_RATE_RULES,
    companyWords: [],
    forceChange: false,
    targets: [
      ldapTarget({
        url: slapd.url,
        bindDN: slapd.bindDN,
        bindPassword: slapd.password,
        baseDN: slapd.baseDN,
        peopleDN: slapd.peopleDN,
        groupsDN: slapd.groupsDN,
        flavor: "openldap",
        dnAttribute: "uid",
      }),
    ],
    send: smtpMailer({ host: "127.0.0.1", port: catcher.smtpPort, starttls: false, from: "it@example.com" }),
    audit: auditLog(path.join(dir, "audit.jsonl")),
  });
  server.on("request", portalApp({ service, policy: DEFAULT_POLICY, publicUrl: `${url}/`, trustProxy: true }));

  const { cookie, csrf } = await session(`${url}/`);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < requests) {
        const i = next++;
        const identifier = i % 2 ? `nobody${i}@example.com` : `load${i}`;
        const response = await form(
          `${url}/request`,
          { identifier, csrf },
          cookie,
          `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        );
        if (response.status !== 200) throw new Error(`request ${i}: HTTP ${response.status}`);
        await response.text();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `request page: ${requests} requests, 20 in flight, ${seconds.toFixed(1)} s = ` +
      `${(requests / seconds).toFixed(0)} req/s (each answer padded to 250 ms)\n`,
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  catcher.messages.length = 0;

  const whole: number[] = [];
  const submit: number[] = [];
  for (let i = 0; i < resets; i++) {
    const t0 = performance.now();
    const s = await session(`${url}/`);
    await (await form(`${url}/request`, { identifier: `bench${i}`, csrf: s.csrf }, s.cookie, `172.16.0.${i}`)).text();
    const mail = await catcher.waitFor(`bench${i}@home.example`);
    const link = /https?:\/\/\S+/.exec(mail.text)![0];
    const token = new URL(link).searchParams.get("token")!;
    const page = await fetch(link);
    const pageCookie = page.headers.get("set-cookie")!.split(";")[0]!;
    const pageCsrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const t1 = performance.now();
    const done = await form(
      `${url}/reset`,
      { token, password: PASSWORD, confirm: PASSWORD, csrf: pageCsrf },
      pageCookie,
      `172.16.0.${i}`,
    );
    if (done.status !== 200) throw new Error(`reset ${i}: HTTP ${done.status}`);
    await done.text();
    submit.push(performance.now() - t1);
    whole.push(performance.now() - t0);
  }
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  process.stdout.write(
    `full reset (${resets}, sequential): p50 ${ms(percentile(whole, 50))}, p99 ${ms(percentile(whole, 99))}; ` +
      `submit alone (policy check + slapd write + confirmation mail) p50 ${ms(percentile(submit, 50))}, ` +
      `p99 ${ms(percentile(submit, 99))}\n`,
  );
  server.close();
  await catcher.stop();
  await slapd.stop();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
