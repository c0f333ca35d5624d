import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commentMarker } from "../../provider/gitops";
import { bin, root } from "./project";
import { examples, idlcCalls, readWorkflow, steps, workflowFiles, type Step } from "./workflow-files";

/**
 * Flags the workflows use that `idlc` does not have yet: the preview wiring adds them (see docs/GITOPS.md).
 * When one lands, delete it here; a new gap fails this test.
 */
const pendingFlags: string[] = [];

/** Inputs of pulumi/actions@v7 (reference/testing-recipes.md §3f, plus older inputs still in its action.yml). */
const pulumiActionInputs = new Set([
  "command",
  "stack-name",
  "work-dir",
  "cloud-url",
  "comment-on-pr",
  "comment-on-pr-number",
  "comment-on-summary",
  "edit-pr-comment",
  "always-include-summary",
  "policyPacks",
  "policyPackConfigs",
  "refresh",
  "diff",
  "expect-no-changes",
  "plan",
  "suppress-outputs",
  "suppress-progress",
  "pulumi-version",
  "config-map",
  "target",
  "exclude",
  "upsert",
  "continue-on-error",
  "github-token",
  "secrets-provider",
  "parallel",
  "message",
  "color",
  "replace",
  "target-dependents",
]);

const help = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args, "--help"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  }).stdout;
/** Names listed under a help text's `Commands:` or options under `Options:`. */
const listed = (text: string, section: "Commands" | "Options", pattern: RegExp) =>
  [...(text.split(`${section}:\n`)[1] ?? "").split("\n\n")[0]!.matchAll(pattern)].map((m) => m[1]!);

const files = workflowFiles();
const workflows = files.map(readWorkflow);
const byName = (file: string) => workflows.find((w) => w.file === file)!;
const uses = (s: Step, action: string) => s.uses?.split("@")[0] === action;

describe("examples/github workflows", () => {
  it("are the five documented files and each parses as a workflow with steps", () => {
    expect(workflows.map((w) => w.file)).toEqual([
      "apply-on-merge.yml",
      "drift.yml",
      "hr-sync.yml",
      "pr-preview.yml",
      "pulumi-actions/apply-on-merge.yml",
      "pulumi-actions/pr-preview.yml",
      "shards-apply.yml",
      "shards-preview.yml",
    ]);
    for (const w of workflows) {
      expect(Object.keys(w.on).length, w.file).toBeGreaterThan(0);
      expect(steps(w).length, w.file).toBeGreaterThan(3);
      for (const s of steps(w))
        expect(Boolean(s.run) !== Boolean(s.uses), `${w.file}: ${JSON.stringify(s)}`).toBe(true);
    }
  });

  it("call only idlc commands that `idlc --help` lists, with flags those commands have (or pending ones)", () => {
    const commands = new Set(listed(help(), "Commands", /^ {2}([a-z][a-z-]*)/gm));
    const calls = workflows.flatMap(idlcCalls);
    expect(new Set(calls.map((c) => c.command))).toEqual(
      new Set(["validate", "diff", "preview", "up", "refresh", "hr pull", "shards list", "shards judge"]),
    );
    for (const c of calls) expect(commands, `idlc ${c.command}`).toContain(c.command.split(" ")[0]);
    const flagsOf = new Map(
      [...new Set(calls.map((c) => c.command))].map((c) => [
        c,
        new Set(listed(help(...c.split(" ")), "Options", /^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)),
      ]),
    );
    const missing = [
      ...new Set(
        calls.flatMap((c) => c.flags.filter((f) => !flagsOf.get(c.command)!.has(f)).map((f) => `${c.command} ${f}`)),
      ),
    ].sort();
    expect(missing, "flags the workflows pass that idlc lacks; update pendingFlags when one lands").toEqual(
      pendingFlags,
    );
  });

  it("pr-preview: full history, Node 20, npm ci, validate and diff against the base, preview with the pack, one marked comment", () => {
    const w = byName("pr-preview.yml");
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    expect(w.permissions).toMatchObject({ "pull-requests": "write" });
    const s = steps(w);
    expect(s.find((x) => uses(x, "actions/checkout"))!.with).toMatchObject({ "fetch-depth": 0 });
    expect(s.find((x) => uses(x, "actions/setup-node"))!.with).toMatchObject({ "node-version": 20 });
    const runs = s.map((x) => x.run ?? "").join("\n");
    expect(runs).toMatch(/^npm ci$/m);
    expect(runs).toContain('npx idlc validate --stack "$STACK" --previous "origin/$BASE_REF"');
    expect(runs).toContain('npx idlc diff --stack "$STACK" --from "origin/$BASE_REF" --format md');
    expect(runs).toContain('npx idlc preview --stack "$STACK" --policy-pack policies --format md > comment.md');
    expect(w.env).toMatchObject({ BASE_REF: "${{ github.base_ref }}" });
    const script = String(s.find((x) => uses(x, "actions/github-script"))!.with!.script);
    // The workflow finds its comment by the first line buildPrComment writes.
    expect(commentMarker("demo").startsWith("<!-- idlc:preview ")).toBe(true);
    expect(script).toContain('marker.startsWith("<!-- idlc:preview ")');
  });

  it("pr-preview's script creates one comment, then updates that same one on the next push", async () => {
    const script = String(steps(byName("pr-preview.yml")).find((x) => uses(x, "actions/github-script"))!.with!.script);
    const comments: Array<{ id: number; body: string; user: { type: string } }> = [
      { id: 1, body: "LGTM", user: { type: "User" } },
    ];
    const github = {
      paginate: async (fn: (p: unknown) => Promise<{ data: unknown[] }>, params: unknown) => (await fn(params)).data,
      rest: {
        issues: {
          listComments: async () => ({ data: comments }),
          createComment: async ({ body }: { body: string }) =>
            void comments.push({ id: comments.length + 1, body, user: { type: "Bot" } }),
          updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) =>
            void (comments.find((c) => c.id === comment_id)!.body = body),
        },
      },
    };
    const context = { repo: { owner: "acme", repo: "identity" }, issue: { number: 7 } };
    const run = (body: string) => {
      const fakeRequire = (m: string) => (m === "fs" ? { readFileSync: () => body } : require(m));
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
      return new AsyncFunction("require", "github", "context", script)(fakeRequire, github, context);
    };
    await run(`${commentMarker("prod")}\nfirst push\n`);
    await run(`${commentMarker("prod")}\nsecond push\n`);
    await run(`${commentMarker("staging")}\nother stack\n`);
    expect(comments.map((c) => c.body)).toEqual([
      "LGTM",
      `${commentMarker("prod")}\nsecond push\n`,
      `${commentMarker("staging")}\nother stack\n`,
    ]);
    await expect(run("no marker")).rejects.toThrow(/no idlc marker/);
  });

  it("apply-on-merge: push to main, never two applies at once, up --yes", () => {
    for (const file of ["apply-on-merge.yml", "pulumi-actions/apply-on-merge.yml"]) {
      const w = byName(file);
      expect((w.on.push as { branches: string[] }).branches, file).toEqual(["main"]);
      expect(w.concurrency, file).toEqual({ group: "idlc-apply-prod", "cancel-in-progress": false });
    }
    expect(idlcCalls(byName("apply-on-merge.yml"))).toContainEqual({
      command: "up",
      flags: ["--stack", "--policy-pack", "--yes"],
    });
  });

  it("pr-preview holds no secret at all: no `secrets.` reference, no passphrase, no environment", () => {
    const text = readFileSync(path.join(examples, "pr-preview.yml"), "utf8");
    expect(text).not.toMatch(/secrets\./);
    expect(text).not.toContain("PULUMI_CONFIG_PASSPHRASE");
    const w = byName("pr-preview.yml");
    expect(JSON.stringify(w)).not.toMatch(/secrets\.|PASSPHRASE/);
    expect(Object.values(w.jobs).some((j) => "environment" in j)).toBe(false);
  });

  it("only apply-on-merge's job in the protected environment, and drift's refresh step, get the passphrase", () => {
    const passphrase = "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}";
    for (const file of ["apply-on-merge.yml", "drift.yml", "pr-preview.yml"]) {
      expect(byName(file).env ?? {}, file).not.toHaveProperty("PULUMI_CONFIG_PASSPHRASE");
    }
    const apply = Object.values(byName("apply-on-merge.yml").jobs);
    expect(apply).toHaveLength(1);
    expect(apply[0]).toMatchObject({ environment: "identity-prod", env: { PULUMI_CONFIG_PASSPHRASE: passphrase } });
    const drift = Object.values(byName("drift.yml").jobs)[0]!;
    expect(drift).toMatchObject({ environment: "identity-prod" });
    const withPassphrase = drift.steps.filter((x) => x.env?.PULUMI_CONFIG_PASSPHRASE);
    expect(withPassphrase.map((x) => x.run)).toEqual(['npx idlc refresh --stack "$STACK" --yes']);
    expect(drift.steps.find((x) => x.id === "check")!.env ?? {}).not.toHaveProperty("PULUMI_CONFIG_PASSPHRASE");
  });

  it("drift: scheduled refresh, a no-changes preview, an issue on drift; shares the apply's lock", () => {
    const w = byName("drift.yml");
    expect(Object.keys(w.on)).toContain("schedule");
    expect(w.permissions).toMatchObject({ issues: "write" });
    expect(w.concurrency).toEqual(byName("apply-on-merge.yml").concurrency);
    const calls = idlcCalls(w);
    expect(calls.map((c) => c.command)).toEqual(["refresh", "preview"]);
    expect(calls[0]!.flags).toContain("--yes");
    expect(calls[1]!.flags).toContain("--expect-no-changes");
    const script = String(steps(w).find((x) => uses(x, "actions/github-script"))!.with!.script);
    expect(script).toContain("issues.create");
    expect(steps(w).at(-1)).toMatchObject({ if: "steps.check.outputs.exit != '0'", run: "exit 1" });
  });

  it("pulumi-actions variants use pulumi/actions@v7 with known inputs, the policy pack, and one edited PR comment", () => {
    for (const file of ["pulumi-actions/pr-preview.yml", "pulumi-actions/apply-on-merge.yml"]) {
      const action = steps(byName(file)).find((x) => x.uses?.startsWith("pulumi/actions"))!;
      expect(action.uses, file).toBe("pulumi/actions@v7");
      for (const key of Object.keys(action.with!)) expect(pulumiActionInputs, `${file}: ${key}`).toContain(key);
      expect(action.with, file).toMatchObject({ policyPacks: "policies", "stack-name": expect.stringMatching(/\//) });
    }
    const preview = steps(byName("pulumi-actions/pr-preview.yml")).find((x) => x.uses?.startsWith("pulumi/actions"))!;
    expect(preview.with).toMatchObject({ command: "preview", "comment-on-pr": true, "edit-pr-comment": true });
    expect(
      steps(byName("pulumi-actions/apply-on-merge.yml")).find((x) => x.uses?.startsWith("pulumi/actions"))!.with,
    ).toMatchObject({ command: "up" });
  });
});
