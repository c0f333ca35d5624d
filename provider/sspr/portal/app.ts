/**
 * The portal as an express 5 app over `SsprService`. Every form is CSRF-protected; the request page answers
 * the same page, status and (padded) time for every identifier; the public URL, never the Host header, builds
 * links; client addresses come from the socket unless `trustProxy` names the reverse proxy.
 */
import { randomBytes } from "node:crypto";
import express, { type Request, type Response } from "express";
import { problemMessage, type PasswordPolicy, type PasswordProblem } from "../password-policy";
import type { SsprService } from "../service";
import { TOKEN_MINUTES } from "../tokens";
import { CHECK_JS, PORTAL_CSS } from "./assets";
import { CSRF_COOKIE, cookieValue, csrfValid, issueCsrf } from "./csrf";
import { securityHeaders } from "./headers";
import { renderPage, type PageName } from "./pages";

export interface PortalOptions {
  service: SsprService;
  policy: PasswordPolicy;
  publicUrl: string;
  /** express's `trust proxy` value for the reverse proxy in front (e.g. `loopback`); off by default. */
  trustProxy?: string | number | boolean;
  /** The request page never answers sooner than this, so lookup and limit work cannot show in its timing. */
  answerFloorMs?: number;
}

export function portalApp(options: PortalOptions): express.Express {
  const { service, policy } = options;
  const secret = randomBytes(32);
  const secureCookie = new URL(options.publicUrl).protocol === "https:";
  const floor = options.answerFloorMs ?? 250;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  app.use(securityHeaders);
  app.use(express.urlencoded({ extended: false, limit: "8kb" }));
  app.use(express.json({ limit: "8kb" }));

  const page = (res: Response, name: PageName, title: string, data: Record<string, unknown> = {}, status = 200) => {
    const csrf = issueCsrf(secret);
    res.cookie(CSRF_COOKIE, csrf.cookie, { httpOnly: true, sameSite: "strict", secure: secureCookie, path: "/" });
    res
      .status(status)
      .type("html")
      .send(renderPage(name, { title, csrf: csrf.field, ...data }));
  };
  const csrfOk = (req: Request) => csrfValid(secret, cookieValue(req.headers.cookie, CSRF_COOKIE), req.body?.csrf);
  const client = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const messages = (problems: readonly PasswordProblem[]) => problems.map((p) => problemMessage(p, policy));

  app.get("/static/portal.css", (_req, res) => void res.type("css").send(PORTAL_CSS));
  app.get("/static/check.js", (_req, res) => void res.type("js").send(CHECK_JS));
  // Browsers ask for it unprompted; an empty answer keeps their consoles (and the logs) free of 404s.
  app.get("/favicon.ico", (_req, res) => void res.status(204).end());
  app.get("/", (_req, res) => page(res, "request", "Reset your password"));

  app.post("/request", async (req, res) => {
    if (!csrfOk(req)) return page(res, "forbidden", "Form expired", {}, 403);
    const started = Date.now();
    service.requestLink(text(req.body.identifier).slice(0, 256), client(req));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, floor - (Date.now() - started))));
    page(res, "sent", "Check your personal mailbox", { minutes: TOKEN_MINUTES });
  });

  const resetForm = (res: Response, token: string, problems: string[], status = 200) => {
    const opened = service.openLink(token);
    if (!opened.ok) return page(res, "invalid", "Link not valid", {}, 400);
    page(
      res,
      "reset",
      "Choose a new password",
      {
        token,
        problems,
        name: opened.subject.displayName,
        userName: opened.subject.userName,
        minLength: policy.minLength,
        needsCode: opened.needsCode,
      },
      status,
    );
  };

  app.get("/reset", (req, res) => resetForm(res, text(req.query.token), []));

  app.post("/check", (req, res) => {
    const opened = service.openLink(text(req.body?.token));
    if (!csrfOk(req) || !opened.ok) return void res.status(403).json({ error: "forbidden" });
    const verdict = service.verdict(opened.subject, text(req.body.password).slice(0, 1024));
    res.json({ ok: verdict.ok, score: verdict.strength.score, messages: messages(verdict.problems) });
  });

  app.post("/reset", async (req, res) => {
    const token = text(req.body.token);
    if (!csrfOk(req)) return page(res, "forbidden", "Form expired", {}, 403);
    const password = text(req.body.password);
    if (password !== text(req.body.confirm)) return resetForm(res, token, ["The two passwords differ."], 422);
    const outcome = await service.completeReset(token, password, client(req), text(req.body.code).slice(0, 32));
    if (outcome.status === "invalid-link") return page(res, "invalid", "Link not valid", {}, 400);
    if (outcome.status === "wrong-code") {
      const left = `${outcome.triesLeft} ${outcome.triesLeft === 1 ? "try" : "tries"} left`;
      return resetForm(res, token, [`The code is not right; ${left}.`], 422);
    }
    if (outcome.status === "rejected") return resetForm(res, token, messages(outcome.verdict.problems), 422);
    // What people know each app as (identity:sspr.names), escaped by the template like every other value.
    const set = outcome.results.filter((r) => r.outcome === "set").map((r) => r.name);
    const old = outcome.results.filter((r) => r.outcome !== "set").map((r) => r.name);
    const title = outcome.status === "done" ? "Password changed" : "Password changed in some systems only";
    page(res, "done", title, { set, old }, outcome.status === "done" ? 200 : 502);
  });
  return app;
}
