/**
 * An identity project of its own for end-to-end scenarios: a throwaway copy of the demo stack, the sandbox's
 * emulators running in this process (so tests can look inside them), and `idlc` run as a user runs it.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { emulators, sandboxDir, startEmulators, type RunningEmulator } from "../../sandbox";
import { writeSandboxState } from "../../sandbox/state";
import { createWorkspace, csvRows, repoRoot, type RunResult, type Workspace } from "../../scripts/workspace";

export interface AccountView {
  exists: boolean;
  enabled?: boolean;
  /** Google sign-outs / Entra session revocations seen by the emulator. */
  sessionsRevoked?: boolean;
}

export interface IdentityProject extends Workspace {
  /** `idlc …` that must succeed; its output is returned. */
  ok(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** One person's account in one app, as the app's emulator holds it. */
  account(app: App, employeeId: string): Promise<AccountView>;
  /** The employee id of every account an app's emulator holds, one entry per account ("" for one without). */
  accounts(app: App): Promise<string[]>;
  /** `idlc …` as its own process group, so a test can SIGKILL it with everything it started (`process.kill(-pid)`). */
  start(args: string[]): ChildProcessByStdio<null, Readable, Readable>;
  emailOf(employeeId: string): string;
  stop(): Promise<void>;
}

type App = (typeof apps)[number];

export async function identityProject(): Promise<IdentityProject> {
  const ws = createWorkspace("idlc-e2e-");
  const started = await startEmulators(emulators);
  const apps = Object.fromEntries(
    started.running.map((e) => [e.name, { url: e.url, token: e.token, tokenUrl: e.tokenUrl, extra: e.extra }]),
  );
  writeSandboxState(sandboxDir(ws.dir), {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apps,
    unavailable: started.unavailable,
  });
  const byName = (name: string) =>
    started.running.find((e) => e.name === name) as RunningEmulator & Record<string, any>;

  // People who later vanish from the export (a truncated file) are still looked up by their first email.
  const original = readFileSync(ws.peopleFile, "utf8");
  const emailOf = (employeeId: string) => {
    const [header = [], ...rows] = csvRows(readFileSync(ws.peopleFile, "utf8"));
    const row = [...rows, ...csvRows(original).slice(1)].find((r) => r[0] === employeeId);
    if (!row) throw new Error(`${employeeId} is not in the HR export`);
    return row[header.indexOf("work_email")]!;
  };

  async function account(app: string, employeeId: string): Promise<AccountView> {
    const email = emailOf(employeeId);
    const e = byName(app);
    switch (app) {
      case "google": {
        const u = e.control.user(email);
        return u
          ? { exists: true, enabled: !u.resource.suspended, sessionsRevoked: u.signOuts.length > 0 }
          : { exists: false };
      }
      case "entra": {
        const u = e.control.object(email);
        if (!u) return { exists: false };
        return {
          exists: true,
          enabled: u.resource.accountEnabled,
          sessionsRevoked: u.resource.signInSessionsValidFromDateTime > u.resource.createdDateTime,
        };
      }
      case "scim": {
        const u = [...e.store.User.values()].find((r: any) => r.externalId === employeeId) as any;
        return u ? { exists: true, enabled: u.active } : { exists: false };
      }
      case "slack": {
        const res = await fetch(`${e.url}/Users?count=1000`, { headers: { authorization: `Bearer ${e.token}` } });
        const u = ((await res.json()) as any).Resources.find((r: any) => r.externalId === employeeId);
        // Slack never deletes: a deprovisioned user stays, deactivated.
        return u ? { exists: true, enabled: u.active } : { exists: false };
      }
      case "ldap": {
        const { Client } = require("ldapts") as typeof import("ldapts");
        const client = new Client({ url: e.url });
        try {
          await client.bind(e.extra!.bindDN!, e.token);
          const { searchEntries } = await client.search(e.extra!.peopleDN!, {
            filter: `(employeeNumber=${employeeId})`,
            attributes: ["pwdAccountLockedTime"],
          });
          const entry = searchEntries[0];
          // ppolicy's permanent lock is the disable (provider/apps/ldap/lock.ts); ldapts may return an absent one as [].
          return entry
            ? { exists: true, enabled: [entry.pwdAccountLockedTime ?? []].flat().length === 0 }
            : { exists: false };
        } finally {
          await client.unbind();
        }
      }
      default:
        throw new Error(`no emulator view for ${app}`);
    }
  }

  async function accounts(app: App): Promise<string[]> {
    const e = byName(app);
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${e.token}` } });
      if (!res.ok) throw new Error(`${app} emulator: GET ${url} answered ${res.status}`);
      return (await res.json()) as any;
    };
    const ids: string[] = [];
    switch (app) {
      case "google":
        for (let page: any = { nextPageToken: "" }; page.nextPageToken !== undefined;) {
          page = await get(`${e.url}/users?customer=my_customer&maxResults=500&pageToken=${page.nextPageToken}`);
          for (const u of page.users ?? [])
            ids.push(u.externalIds?.find((x: any) => x.type === "organization")?.value ?? "");
        }
        return ids;
      case "entra":
        for (let next: string | undefined = `${e.url}/users?$top=999&$select=id,employeeId`; next;) {
          const page = await get(next);
          for (const u of page.value) ids.push(u.employeeId ?? "");
          next = page["@odata.nextLink"];
        }
        return ids;
      case "slack":
        return (await get(`${e.url}/Users?count=1000`)).Resources.map((u: any) => u.externalId ?? "");
      case "scim":
        return [...e.store.User.values()].map((u: any) => u.externalId ?? "");
      case "ldap": {
        const { Client } = require("ldapts") as typeof import("ldapts");
        const client = new Client({ url: e.url });
        try {
          await client.bind(e.extra!.bindDN!, e.token);
          const { searchEntries } = await client.search(e.extra!.peopleDN!, {
            scope: "one",
            attributes: ["employeeNumber"],
          });
          return searchEntries.map((entry) => String([entry.employeeNumber ?? ""].flat()[0] ?? ""));
        } finally {
          await client.unbind();
        }
      }
    }
  }

  return {
    ...ws,
    async ok(args, env) {
      const result = await ws.idlc(args, { env });
      if (result.code !== 0)
        throw new Error(
          `idlc ${args.join(" ")} exited ${result.code}:\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-2000)}`,
        );
      return result;
    },
    account: account as IdentityProject["account"],
    accounts,
    start: (args) =>
      spawn(process.execPath, [path.join(repoRoot, "bin", "idlc.js"), ...args], {
        cwd: ws.dir,
        // The same throwaway passphrase as `ws.idlc` (scripts/workspace.ts) uses for the demo stack's state.
        env: { PULUMI_CONFIG_PASSPHRASE: "idlc-demo", ...process.env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      }),
    emailOf,
    async stop() {
      await started.stopAll();
      rmSync(ws.dir, { recursive: true, force: true });
    },
  };
}

/** Sets fields of one person's row in the HR export. */
export function setPerson(project: Workspace, employeeId: string, fields: Record<string, string>): void {
  project.editPeople((rows) => {
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === employeeId);
    if (!row) throw new Error(`${employeeId} is not in the HR export`);
    for (const [field, value] of Object.entries(fields)) row[header.indexOf(field)] = value;
    return rows;
  });
}

export const apps = ["entra", "google", "slack", "scim", "ldap"] as const;
export const demoDir = (project: Workspace) => path.join(project.dir, "stacks", "demo");
