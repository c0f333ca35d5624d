/**
 * The identity stack as a sharded deployment (issue #22 item 6):
 * `npm run bench -- identity-stack deployment [people] [peoplePerShard] [buckets]` (default 10,000 people, 5,000 a
 * shard, every bucket). `idlc shards plan` cuts the synthetic org into directory and app shards of one bucket each;
 * the whole `preview --deployment` of every shard runs first with no state (the first rollout's PR, every account a
 * create: the one whole-company figure that needs no hours of setup);
 * the state a no-op preview needs comes from a real `up` on the in-process emulators (rate limits and client pacing
 * off: deployment-setup.ts), timed and reported as setup. Then, each against the SDK floor of the same shard measured
 * in the same run: every shard's no-op preview alone (`preview --stack S --json`, as one CI matrix job runs it),
 * the merge/judge step over those previews (`shards judge`, the matrix's last job), and the whole
 * `preview --deployment` on this machine, per shard and per process. With `buckets` below the org's bucket count,
 * only those buckets' shards are applied and measured (per-shard ups, in phase order): the figures for a shard of a
 * big company without the hours its whole state would take; the whole-deployment figures are then not measured.
 * `--whole-only` measures just the whole no-op `preview --deployment` after the setup: no first preview with no
 * state, no per-shard previews or floors, no judge step (the figure for the company, in under an hour here).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { findProject, listStackNames, loadStackConfig, openStackSecrets } from "../../engine/project";
import type { Workspace } from "../../scripts/workspace";
import { loadAverage, type Measured } from "../process-sampler";
import { measureSdkFloor } from "../sdk-floor/measure";
import { measureIdlc, type TreeMeasured } from "./deployment-sampler";
import { baseStackFile, startUnthrottledSandbox, unpaceBaseStack } from "./deployment-setup";
import {
  describeDeployment,
  describeWholePreview,
  describeShard,
  matrixProjection,
  type ShardFigures,
} from "./deployment-report";
import { writeSyntheticStack } from "./hr-export";

const DEPLOYMENT = "demo";
const ENV = { PULUMI_CONFIG_PASSPHRASE: "bench" };

export async function benchDeployment(ws: Workspace, argv: string[]): Promise<void> {
  const wholeOnly = argv.includes("--whole-only");
  const args = argv.filter((a) => a !== "--whole-only");
  const [people, perShard] = [Number(args[0] ?? 10_000), Number(args[1] ?? 5_000)];
  const buckets = Math.ceil(people / perShard);
  const measured = Math.min(buckets, Number(args[2] ?? buckets));
  const say = (line: string) => console.log(line);
  const idlc = (argv: string[], stdoutFile?: string) => measureIdlc(argv, { cwd: ws.dir, env: ENV, stdoutFile });
  const sandbox = await startUnthrottledSandbox(ws.dir);
  try {
    writeSyntheticStack(path.join(ws.dir, "stacks", "demo"), people);
    unpaceBaseStack(baseStackFile(ws.dir));
    must(await idlc(["shards", "plan", "--stack", "demo", "--people-per-shard", String(perShard)]), "shards plan");
    const shards = listStackNames(findProject(ws.dir)).filter((s) => s !== "demo" && bucketOf(s) < measured);
    const scope = `${people.toLocaleString("en-US")} people, ${buckets} buckets of ${perShard.toLocaleString("en-US")}`;
    say(
      `deployment ${DEPLOYMENT}: ${scope}; measuring ${shards.length} shards (${shards.join(", ")}), load ${loadAverage()}`,
    );

    // The whole company at full scale before any state exists (its first rollout's PR): every account a create.
    if (!wholeOnly) {
      const first = must(await idlc(["preview", "--deployment", DEPLOYMENT]), "preview --deployment (no state)");
      say(describeWholePreview(first, "with no state, every account a create", loadAverage()));
    }

    const all = measured === buckets;
    const setup = async () =>
      all
        ? [await idlc(["up", "--deployment", DEPLOYMENT, "--yes"])]
        : await sequential(inPhaseOrder(shards), (s) => idlc(["up", "--stack", s, "--yes"]));
    const firstUp = await setup();
    // A first up can fail the account of a leaver who joins a group not created yet (a disable waits for nothing;
    // seen on Google, LDAP and SCIM): the next up converges, as idlc says. A second failure stops the bench.
    const failed = firstUp.filter((u) => u.exitCode !== 0);
    // What the first round failed on, so a run that converges still says why it needed a second.
    for (const u of failed)
      say(`setup round 1 failed (exit ${u.exitCode}), its output ends:\n${u.stderr.slice(-1500)}`);
    const again = failed.length ? await setup() : [];
    (again.length ? again : firstUp).forEach((u) => must(u, "the setup up"));
    const upSeconds = [...firstUp, ...again].reduce((n, u) => n + u.seconds, 0);
    const rounds = again.length ? " (2 rounds: the first failed some accounts, the second converged)" : "";
    say(
      `setup (state): ${all ? "up --deployment" : "per-shard ups"}${rounds}, emulators unthrottled: ${upSeconds.toFixed(0)} s wall at load ${loadAverage()}`,
    );

    if (wholeOnly && all) {
      const whole = must(await idlc(["preview", "--deployment", DEPLOYMENT]), "preview --deployment");
      say(describeWholePreview(whole, "no-op, alone", loadAverage()));
      return;
    }
    const events = path.join(ws.dir, "events");
    mkdirSync(events, { recursive: true });
    const figures: ShardFigures[] = [];
    for (const stack of shards) {
      const floor = await floorOf(ws.dir, stack);
      const file = path.join(events, `${stack}.jsonl`);
      const alone = must(await idlc(["preview", "--stack", stack, "--json"], file), stack);
      figures.push({ stack, floor, alone: alone.shards[0]!, aloneSeconds: alone.seconds, resources: accountsIn(file) });
      say(describeShard(figures.at(-1)!, loadAverage()));
    }
    if (!all) return;
    const judge = must(await idlc(["shards", "judge", "--deployment", DEPLOYMENT, "--events", events]), "shards judge");
    say(
      `merge/judge step (shards judge over ${shards.length} previews): ${judge.seconds.toFixed(1)} s wall, ${judge.coordinator.map((p) => `${Math.round(p.mb)} MB`).join(", ")} at load ${loadAverage()}`,
    );
    say(matrixProjection(figures, judge.seconds, 10));
    const whole = must(await idlc(["preview", "--deployment", DEPLOYMENT]), "preview --deployment");
    for (const line of describeDeployment(whole, figures, cpus().length, loadAverage())) say(line);
  } finally {
    await sandbox.stopAll();
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

/** The SDK's floor for one shard: its program and config against mocks. */
async function floorOf(dir: string, stack: string): Promise<Measured> {
  const project = findProject(dir);
  const secrets = await openStackSecrets(project, stack, { passphrase: "bench", persist: false });
  const { config } = await loadStackConfig(project, stack, secrets);
  const nodeArgs = ["--max-old-space-size=1536", "--require", "tsx/cjs"];
  const program = { programDir: dir, entry: project.main, project: project.name, stack, config, nodeArgs };
  const measured = await measureSdkFloor(program, "preview");
  if (measured.exitCode) throw new Error(`the SDK floor of ${stack} failed:\n${measured.stderr}`);
  return measured;
}

function must(m: TreeMeasured, what: string): TreeMeasured {
  if (m.exitCode !== 0) throw new Error(`${what} failed (exit ${m.exitCode}):\n${m.stderr}`);
  return m;
}

/** The people bucket in a shard's name (`demo-apps-3`); a company that fits one shard gets unnumbered shards. */
const bucketOf = (stack: string) => Number(/-(\d+)$/.exec(stack)?.[1] ?? 0);

/** Directory shards first, as `up --deployment` applies them. */
const inPhaseOrder = (stacks: string[]) =>
  [...stacks].sort((a, b) => Number(b.includes("directories")) - Number(a.includes("directories")));

async function sequential<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await task(item));
  return out;
}

/** The shard's account and group resources: the steps its preview's events report for idlc's types. */
function accountsIn(eventsFile: string): number {
  return readFileSync(eventsFile, "utf8")
    .split("\n")
    .filter((l) => l.includes('"resourcePreEvent"') && l.includes("pulumi-nodejs:dynamic/idlc:")).length;
}
