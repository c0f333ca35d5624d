/**
 * The sandbox's SMTP catcher: a real SMTP server (smtp-server) on 127.0.0.1 that keeps every message in memory,
 * and a small web inbox beside it — `GET /` an HTML list (every value escaped), `GET /messages` the same as JSON
 * (`?to=` filters by recipient), `DELETE /messages` empties it — so the demo and the tests can read the mail.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Eta } from "eta";
import express from "express";
import { SMTPServer } from "smtp-server";
import { readMessage, type CaughtMail } from "./decode";

export interface RunningCatcher {
  smtpPort: number;
  /** The web inbox, `http://127.0.0.1:<port>`. */
  url: string;
  messages: CaughtMail[];
  /** Resolves with the first message to `to` received after the call (or already there and not yet taken). */
  waitFor(to: string, timeoutMs?: number): Promise<CaughtMail>;
  stop: () => Promise<void>;
}

const INBOX = `<!doctype html><html><head><meta charset="utf-8"><title>Sandbox inbox</title></head><body>
<h1>Sandbox inbox (<%= it.messages.length %>)</h1>
<% for (const m of [...it.messages].reverse()) { %><article><h2><%= m.subject %></h2>
<p>to <%= m.to.join(", ") %> · <%= m.receivedAt %></p><pre><%= m.text %></pre></article><% } %>
</body></html>`;

export interface CatcherOptions {
  smtpPort?: number;
  httpPort?: number;
  /**
   * Require this login (AUTH PLAIN/LOGIN), as a real relay does: a wrong one gets 535 and no mail is kept. Without
   * it any client can deliver.
   */
  login?: { user: string; password: string };
}

export async function startCatcher(options: CatcherOptions = {}): Promise<RunningCatcher> {
  const messages: CaughtMail[] = [];
  const waiters: { to: string; resolve: (m: CaughtMail) => void }[] = [];
  const taken = new Set<number>();
  const take = (to: string): CaughtMail | undefined => {
    const found = messages.find((m) => !taken.has(m.id) && m.to.includes(to.toLowerCase()));
    if (found) taken.add(found.id);
    return found;
  };
  const login = options.login;
  const smtp = new SMTPServer({
    // Loopback only and nothing real behind it: no TLS, so a login (when asked for) goes in the clear.
    authOptional: !login,
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    disabledCommands: login ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      }
    },
    size: 1_000_000,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = {
          id: messages.length + 1,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        };
        messages.push(readMessage(Buffer.concat(chunks).toString("utf8"), envelope));
        for (const waiter of [...waiters]) {
          const mail = take(waiter.to);
          if (mail) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, "127.0.0.1", () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const eta = new Eta({ autoEscape: true });
  const app = express();
  app.get("/messages", (req, res) => {
    const to = typeof req.query.to === "string" ? req.query.to.toLowerCase() : undefined;
    res.json(to ? messages.filter((m) => m.to.includes(to)) : messages);
  });
  app.delete("/messages", (_req, res) => {
    messages.length = 0;
    res.status(204).end();
  });
  app.get("/", (_req, res) => {
    res.set("Content-Security-Policy", "default-src 'none'").type("html").send(eta.renderString(INBOX, { messages }));
  });
  const http: Server = await new Promise((resolve) => {
    const server = app.listen(options.httpPort ?? 0, "127.0.0.1", () => resolve(server));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    smtpPort,
    url,
    messages,
    waitFor(to, timeoutMs = 10_000) {
      const ready = take(to);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ to, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
      });
    },
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
