/**
 * The demo company as a 3-shard deployment on the sandbox — directory apps in one shard, Slack and GitHub split
 * into two people buckets — run beside the same company as one ordinary stack (its own emulators). After every
 * step the sharded apps must hold exactly the accounts the unsharded ones hold; a truncated export is stopped once,
 * by the deployment-wide budget, before any shard applies; a shard SIGKILLed mid-apply converges on the next run.
 * Kept lean for CI: the twin applies at the same time as the deployment (each has its own emulators), and a case
 * re-applies a company only when it runs alone (`-t`), when no case before it has applied that company yet.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonTimeline } from "../../provider/audit";
import type { RunResult } from "../../scripts/workspace";
import { apps, identityProject, setPerson, type IdentityProject } from "./harness";

const today = new Date().toISOString().slice(0, 10);
const DEPLOYMENT = "demo-sharded";
const upDeployment = ["up", "--deployment", DEPLOYMENT, "--yes"];
const upSingle = ["up", "--stack", "demo", "--yes"];
let sharded: IdentityProject;
let single: IdentityProject;
const baseline = new Map<IdentityProject, Record<string, string[]>>();
/** The companies some case has applied: a case run alone applies first what the cases before it would have. */
const applied = new Set<IdentityProject>();

/** Shard stack files as a person writes them: `identity:shard` and the settings of the shard's own apps. */
function writeShards(p: IdentityProject): void {
  const file = (name: string, body: string) =>
    writeFileSync(path.join(p.dir, "stacks", `Pulumi.${name}.yaml`), `config:\n${body}`);
  const shard = (apps: string, bucket = "") =>
    `  identity:shard: { deployment: ${DEPLOYMENT}, base: demo, apps: [${apps}]${bucket} }\n`;
  file(
    "demo-dirs",
    `${shard("entra, google, ldap")}  identity:entra: { sandbox: true }\n  identity:google: { sandbox: true }\n  identity:ldap: { sandbox: true }\n`,
  );
  for (const b of [0, 1]) {
    file(
      `demo-apps-${b}`,
      `${shard("slack, scim", `, bucket: ${b}, buckets: 2`)}  identity:slack: { sandbox: true }\n  identity:scim: { github: { sandbox: true } }\n`,
    );
  }
}

/** Every app's accounts beyond what the emulator held before idlc ran: `employeeId enabled|disabled`, sorted. */
async function view(p: IdentityProject): Promise<Record<string, string[]>> {
  const viewApp = async (app: (typeof apps)[number]) => {
    const before = [...baseline.get(p)![app]!];
    const ids = (await p.accounts(app)).filter((id) => {
      const i = before.indexOf(id);
      return i < 0 || (before.splice(i, 1), false);
    });
    const states = ids.map(async (id) => `${id} ${(await p.account(app, id)).enabled ? "enabled" : "disabled"}`);
    return [app, (await Promise.all(states)).sort()] as const;
  };
  return Object.fromEntries(await Promise.all(apps.map(viewApp)));
}

/** Both companies' views, read at once. */
const views = () => Promise.all([view(sharded), view(single)]);

/**
 * The same HR data applied to both companies at once: the sharded one as a deployment, its twin as one stack. Both
 * runs end before a failure of either is thrown, so no run of this case is left holding a stack's lock for the next.
 */
async function upBoth(): Promise<RunResult> {
  const [deployment, twin] = await Promise.allSettled([sharded.ok(upDeployment), single.ok(upSingle)]);
  if (deployment.status === "rejected") throw deployment.reason;
  if (twin.status === "rejected") throw twin.reason;
  applied.add(sharded).add(single);
  return deployment.value;
}

/** `args` on `p` unless a case before this one has already applied it (a case run alone with `-t`). */
async function applyIfAlone(p: IdentityProject, args: string[]): Promise<void> {
  if (applied.has(p)) return;
  await p.ok(args);
  applied.add(p);
}

/** The same HR change in both companies. */
function change(edit: (p: IdentityProject) => void): void {
  edit(sharded);
  edit(single);
}

const joiner = (id: string, first: string) =>
  `${id},${first},Newman,,${first.toLowerCase()}.newman@example.com,Software Engineer,Engineering,London,E002,employee,active,${today},,,`;

beforeAll(async () => {
  [sharded, single] = await Promise.all([identityProject(), identityProject()]);
  for (const p of [sharded, single])
    baseline.set(p, Object.fromEntries(await Promise.all(apps.map(async (a) => [a, await p.accounts(a)] as const))));
  writeShards(sharded);
}, 120_000);
afterAll(async () => {
  await Promise.all([sharded?.stop(), single?.stop()]);
});

describe("the demo company as a 3-shard deployment", { timeout: 1_500_000 }, () => {
  it("provisions, then follows a joiner, a mover and a leaver across shards exactly as one stack does", async () => {
    const first = await upBoth();
    expect(first.stderr).toMatch(/3 shards in 3 phase\(s\): demo-dirs → demo-apps-0 → demo-apps-1/);
    const [provisioned, twin] = await views();
    expect(provisioned.slack!.length).toBeGreaterThan(30);
    expect(provisioned).toEqual(twin);

    change((p) => {
      p.editPeople((rows) => [...rows, joiner("E900", "Nora").split(",")]);
      setPerson(p, "E032", { department: "Engineering", title: "Software Engineer", manager_id: "E002" });
      setPerson(p, "E022", { status: "terminated", termination_date: today });
    });
    await upBoth();
    const [after, twinAfter] = await views();
    expect(after).toEqual(twinAfter);
    // The joiner's accounts live in two shards, the mover gained GitHub (an app shard) and LDAP (the directory one).
    for (const app of ["google", "slack", "scim", "ldap"]) expect(after[app], app).toContain("E900 enabled");
    expect(after.scim).toContain("E032 enabled");
    expect(after.ldap).toContain("E032 enabled");
    expect(after.google).toContain("E022 disabled");
    expect(after.slack).toContain("E022 disabled");
  });

  // Also alone (`-t SIGKILL`): then the killed run is the deployment's first, provisioning the whole company.
  it("converges after a shard is SIGKILLed mid-apply, with no duplicate account, while the other shards apply", async () => {
    const hires = Array.from({ length: 24 }, (_, i) => joiner(`E9${String(10 + i)}`, `Hire${i}`).split(","));
    change((p) => p.editPeople((rows) => [...rows, ...hires]));
    const killed = await upKillingShard("demo-apps-1", 3);
    expect(killed.code, killed.output.slice(-3000)).toBe(1);
    expect(killed.output).toContain("demo-apps-1: failed (SIGKILL)");
    expect(killed.output).toContain("idlc up --stack demo-apps-1 --yes");
    expect(killed.output).toMatch(/demo-apps-0: ok/);

    await upBoth();
    const [converged, twin] = await views();
    for (const [app, accounts] of Object.entries(converged)) {
      const ids = accounts.map((a) => a.split(" ")[0]);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        `${app} duplicates`,
      ).toEqual([]);
    }
    expect(converged.slack!.filter((a) => hires.some((h) => a === `${h[0]} enabled`))).toHaveLength(24);
    expect(converged).toEqual(twin);
  });

  it("stops a truncated export once, deployment-wide, before any shard applies", async () => {
    await applyIfAlone(sharded, upDeployment);
    const before = await view(sharded);
    const full = readFileSync(sharded.peopleFile, "utf8");
    sharded.editPeople((rows) => rows.slice(0, 16));
    let refused;
    try {
      refused = await sharded.idlc(upDeployment);
    } finally {
      writeFileSync(sharded.peopleFile, full);
    }
    expect(refused.code).toBe(1);
    expect(refused.stderr.match(/nothing was changed in any shard/g)).toHaveLength(1);
    // Vanished people are deletes (which each provider would refuse while the account is enabled).
    expect(refused.stderr).toMatch(/slack: 0 disables \+ \d+ deletes of \d+ accounts \(budget \d+\)/);
    expect(refused.stderr).toMatch(/run again with --allow-deprovision \d+\./);
    expect(refused.stderr).not.toMatch(/idlc up --stack/);
    expect(await view(sharded)).toEqual(before);
  });

  it("grows the one stack into shards without re-creating any account: each shard adopts its accounts", async () => {
    await applyIfAlone(single, upSingle);
    const before = await view(single);
    expect(before.google!.length).toBeGreaterThan(30);
    writeShards(single);
    const grown = await single.ok(upDeployment);
    // Each shard's state starts empty, so every account is a create in its stack, and an adoption in the app.
    expect(grown.stderr).toMatch(/\[demo-apps-1\] .*idlc:SlackAccount slack\/E\d+ created/);
    expect(await view(single)).toEqual(before);
    // Nothing left to change, shown in ONE comment over the three shards.
    const md = ["preview", "--deployment", DEPLOYMENT, "--format", "md", "--from", single.peopleFile];
    const comment = (await single.ok(md)).stdout;
    expect(comment.startsWith("<!-- idlc:preview ")).toBe(true);
    expect(comment).toMatch(/\b\d+ unchanged\b/);
    expect(comment).not.toMatch(/to create|to update|to delete|would be refused/);
    expect(comment).toContain(`**Deployment ${DEPLOYMENT}**: 3 shards (demo-apps-0, demo-apps-1, demo-dirs).`);

    // The base's audit reads its own history, then the shards': an adopted account was made once, in the base's
    // first update, and never deleted at the split.
    const someone = before.slack!.find((a) => a.endsWith(" enabled"))!.split(" ")[0]!;
    const timeline = JSON.parse(
      (await single.ok(["audit", "person", someone, "--stack", "demo", "--json"])).stdout,
    ) as PersonTimeline;
    for (const [app, events] of Object.entries(timeline.apps)) {
      expect(
        events.filter((e) => e.event === "created").map((e) => e.update.stack),
        app,
      ).toEqual(["demo"]);
      expect(
        events.map((e) => e.event),
        app,
      ).not.toContain("deleted");
    }
    expect(Object.keys(timeline.apps)).toContain("slack");
  });

  it("kills a person in every shard holding their accounts, whether the base or any one shard is named; the base's audit reads them all", async () => {
    await applyIfAlone(sharded, upDeployment);
    const before = await view(sharded);
    const everywhere = apps
      .map((app) => before[app]!.filter((a) => a.endsWith(" enabled")).map((a) => a.split(" ")[0]!))
      .reduce((kept, ids) => kept.filter((id) => ids.includes(id)));
    const [viaBase, viaShard] = everywhere.slice(-2) as [string, string];
    const kill = (id: string, stack: string) => sharded.ok(["kill", id, "--stack", stack, "--reason", "e2e"]);

    const base = await kill(viaBase, "demo");
    const bothShards = /cutting off in (demo-dirs, demo-apps-[01]|demo-apps-[01], demo-dirs) at once/;
    expect(base.stderr).toMatch(/demo is split: /);
    expect(base.stderr).toMatch(bothShards);
    expect(base.stdout).toContain(`Every account of ${viaBase} is disabled`);
    // The base holds no account: nothing was adopted into a second owner beside the shards, which hold theirs.
    const states = readdirSync(path.join(sharded.dir, ".pulumi", "stacks"), { recursive: true }).map(String);
    expect(states).toContainEqual(expect.stringMatching(/(^|\/)demo-dirs\.json$/));
    expect(states).not.toContainEqual(expect.stringMatching(/(^|\/)demo\.json$/));
    // Named by the directory shard, the person's app accounts (in their bucket's shard) go too.
    const shard = await kill(viaShard, "demo-dirs");
    expect(shard.stderr).toMatch(bothShards);
    const appsShard = bothShards.exec(shard.stderr)![1]!.match(/demo-apps-[01]/)![0];

    const killed = (a: string) => [viaBase, viaShard].some((id) => a === `${id} enabled`);
    const expected = Object.fromEntries(
      Object.entries(before).map(([app, accounts]) => [
        app,
        accounts.map((a) => (killed(a) ? a.replace(/ enabled$/, " disabled") : a)).sort(),
      ]),
    );
    expect(await view(sharded)).toEqual(expected);

    // The audit of the base reads the shards' histories as one company: the kill shows in every app, each step
    // naming the shard that made it, and every shard's hash chain verifies.
    const timeline = JSON.parse(
      (await sharded.ok(["audit", "person", viaShard, "--stack", "demo", "--json"])).stdout,
    ) as PersonTimeline;
    expect(Object.keys(timeline.apps).sort()).toEqual(["entra", "google", "ldap", "scim:github", "slack"]);
    for (const [app, events] of Object.entries(timeline.apps)) {
      const last = events.at(-1)!.update;
      const kill = events.filter((e) => e.update.stack === last.stack && e.update.version === last.version);
      expect(
        kill.map((e) => e.event),
        app,
      ).toContain("disabled");
      expect(last.stack, app).toBe(["slack", "scim:github"].includes(app) ? appsShard : "demo-dirs");
    }
    const verified = await sharded.ok(["audit", "verify", "--stack", "demo", "--json"]);
    const chains = JSON.parse(verified.stdout) as { ok: boolean; shards: Array<{ stack: string; ok: boolean }> };
    expect(chains.ok).toBe(true);
    expect(chains.shards.map((c) => c.stack).sort()).toEqual(["demo-apps-0", "demo-apps-1", "demo-dirs"]);
  });
});

/** `idlc up --deployment`, SIGKILLing one shard's worker (its whole process group) once it has created `after` accounts. */
async function upKillingShard(stack: string, after: number): Promise<{ code: number | null; output: string }> {
  const child = sharded.start(upDeployment);
  let output = "";
  let pending = "";
  let pid: number | undefined;
  let created = 0;
  child.stdout.on("data", (d: Buffer) => (output += d));
  child.stderr.on("data", (d: Buffer) => {
    output += d;
    const lines = (pending + d).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      pid ??= Number(new RegExp(`^${stack}: idlc up .*\\(pid (\\d+)\\)$`).exec(line)?.[1]) || undefined;
      if (line.startsWith(`[${stack}] `) && /idlc:\w+Account \S+ created$/.test(line)) created += 1;
      if (pid && created === after) process.kill(-pid, "SIGKILL");
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  expect(created, output.slice(-3000)).toBeGreaterThanOrEqual(after);
  return { code, output };
}
