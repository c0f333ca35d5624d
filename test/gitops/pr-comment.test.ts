import { describe, expect, it } from "vitest";
import {
  buildPrComment,
  commentMarker,
  githubCommentLimit,
  loadStackDiff,
  reviewersFor,
  type ResourceStep,
} from "../../provider/gitops";
import { manyMovers, step, violation } from "./fixtures";
import { root } from "./project";

// The demo stack's pending change: people-previous.csv → people.csv (a joiner, a mover, a leaver).
const change = loadStackDiff({ cwd: root, stack: "demo", from: "stacks/demo/people-previous.csv", asOf: "2026-11-25" });
const policy = [
  violation("naming-conventions", "slack/groups/sales", "warning", "Group names must be lower-case; rename 'Sales'."),
  violation(
    "separation-of-duties",
    "slack/E025",
    "mandatory",
    "Ava Thomas (E025) must not hold both 'payments-initiate' and 'payments-approve' (slack account); remove one of the roles.",
  ),
  violation(
    "deprovisioning-budget",
    undefined,
    "mandatory",
    "At most 2 slack accounts may be disabled in one update; this one disables 3.",
  ),
];
const steps: ResourceStep[] = [
  step("same", "slack/E001"),
  step("update", "slack/E025", ["groups"]),
  step("create", "google/E071"),
  // `__provider` changes with idlc's provider stub; like the text preview, the comment does not show it.
  step("update", "google/E024", ["__provider", "enabled", "groups"]),
  step("create", "slack/E071"),
];
const resources = { changes: { create: 2, update: 2, same: 120 }, steps };
const reviewers = reviewersFor({ ...change, owners: { slack: ["@acme/slack-admins"] } });

describe("the PR comment for the demo stack change", () => {
  const body = buildPrComment({
    diff: change.diff,
    policy,
    resources,
    stack: "demo",
    engine: "local",
    reviewers,
    policyPacks: ["idlc-identity"],
  });

  it("opens with the hidden marker a workflow finds it by", () => {
    expect(body.split("\n")[0]).toBe("<!-- idlc:preview stack=demo -->");
    expect(commentMarker("demo")).toBe(body.split("\n")[0]);
    // A stack name cannot end the HTML comment early.
    expect(commentMarker("prod --> <b>")).toBe("<!-- idlc:preview stack=prod_--___b_ -->");
  });

  it("puts reviewers, then people, then policy results, then resources, in that order", () => {
    const order = [
      "## idlc preview · stack `demo` · engine local",
      "**Reviewers:**",
      "**1 joiner, 1 mover, 1 leaver, 0 rehires**",
      "#### Joiners (1)",
      "#### Movers (1)",
      "#### Leavers (1)",
      "### Policy results",
      "**Mandatory",
      "**Advisory and remediated (1)**",
      "### Resources",
      "**+ 2 to create · ~ 2 to update · 120 unchanged**",
      "<details><summary>4 resource changes</summary>",
    ];
    const at = order.map((s) => body.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(order.filter((_, i) => at[i]! < 0)),
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("reuses formatDiff's people summary with per-app gains and losses", () => {
    expect(body).toContain(
      "- **Amara Nwosu (E071), Finance, Financial Analyst — starts 2026-11-30, accounts created disabled**",
    );
    expect(body).toContain("  - `+ slack: group:sales`");
    expect(body).toContain("  - `- scim:github: account, group:engineering`");
    expect(body).toContain("- **Liam Taylor (E024), Sales, Account Executive — terminated 2026-11-20**");
  });

  it("names rule, person and app of each violation, mandatory before advisory, and says the apply is blocked", () => {
    expect(body).toContain("❌ **2 mandatory policy violations**");
    expect(body).toContain("**Mandatory: these block the apply (2)**");
    expect(body).toContain(
      "- **separation-of-duties** · Ava Thomas (E025) in slack: Ava Thomas (E025) must not hold both",
    );
    expect(body).toContain("- **deprovisioning-budget** · whole stack: At most 2 slack accounts");
    expect(body).toContain("- **naming-conventions** · slack group `sales`: Group names must be lower-case");
    expect(body.indexOf("deprovisioning-budget")).toBeLessThan(body.indexOf("naming-conventions"));
  });

  it("lists changed resources in a collapsed table, creates first, unchanged ones left out", () => {
    const rows = body.split("\n").filter((l) => /^\| (create|update|delete|replace) /.test(l));
    expect(rows).toEqual([
      "| create | `google/E071` | idlc:GoogleAccount |  |",
      "| create | `slack/E071` | idlc:SlackAccount |  |",
      "| update | `google/E024` | idlc:GoogleAccount | enabled, groups |",
      "| update | `slack/E025` | idlc:SlackAccount | groups |",
    ]);
    expect(body).not.toContain("slack/E001");
    expect(body.match(/<details>/g)!.length).toBe(body.match(/<\/details>/g)!.length);
  });

  it("asks the owners of the roles the change touches, and the app owners from identity:owners", () => {
    const line = body.split("\n").find((l) => l.startsWith("**Reviewers:**"))!;
    // E025 moves from engineering to sales; E071 joins finance; E024 leaves sales.
    for (const owner of [
      "@acme/slack-admins",
      "marcus.chen@example.com",
      "priya.raman@example.com",
      "daniel.okafor@example.com",
    ])
      expect(line).toContain(owner);
    expect(body).toContain("- @acme/slack-admins: app slack");
    expect(body).toContain("- marcus.chen@example.com: role engineer");
  });

  it("says when the preview failed or no policy pack ran, instead of looking clean", () => {
    const failed = buildPrComment({
      diff: change.diff,
      policy: [],
      resources: { changes: {}, steps: [] },
      stack: "demo",
      engine: "local",
      errors: ["the stack's inputs have 1 error(s)"],
      policyPacks: [],
    });
    expect(failed).toContain("❌ **The preview failed**");
    expect(failed).toContain("### Preview errors\n\n- the stack's inputs have 1 error(s)");
    expect(failed).toContain("no policy pack ran");
    expect(failed).toContain("**no resources**");
    const clean = buildPrComment({ diff: change.diff, policy: [], resources, stack: "demo", engine: "pulumi" });
    expect(clean).toContain("✅ No mandatory policy violations.");
    expect(clean).toContain("No violations.");
    const remediated = buildPrComment({
      diff: change.diff,
      policy: [violation("naming-conventions", "slack/E025", "remediate", "Lower-cased the user name.")],
      resources,
      stack: "demo",
      engine: "local",
    });
    expect(remediated).toContain("✅ No mandatory policy violations.");
    expect(remediated).toContain("**Advisory and remediated (1)**");
    expect(clean).not.toContain("**Reviewers:**");
  });

  it("is well under GitHub's limit and leaves no truncation note when nothing was cut", () => {
    expect(body.length).toBeLessThan(10_000);
    expect(body).not.toContain("cut to fit");
  });
});

describe("the size bound", () => {
  const big = Array.from({ length: 5_000 }, (_, i) =>
    step(i % 3 ? "update" : "create", `google/E${10_000 + i}`, ["groups", "license"]),
  );
  const many = { changes: { create: 1667, update: 3333 }, steps: big };
  const violations = Array.from({ length: 40 }, (_, i) =>
    violation(
      "contractor-limits",
      `slack/E${10_000 + i}`,
      i % 2 ? "warning" : "mandatory",
      "Contractors must not be admins; remove admin.",
    ),
  );

  it("5,000 resource steps and 500 movers stay under 65,536 characters, cutting resource rows first", () => {
    const body = buildPrComment({
      diff: manyMovers(500),
      policy: violations,
      resources: many,
      stack: "big",
      engine: "local",
    });
    expect(body.length).toBeLessThanOrEqual(githubCommentLimit);
    expect(body.length).toBeLessThanOrEqual(65_000);
    expect(body.split("\n")[0]).toBe("<!-- idlc:preview stack=big -->");
    expect(body).toMatch(
      /_\d[\d,]* of 5000 resource rows cut to fit GitHub's comment limit; run `idlc preview --json` for all of them\._/,
    );
    // The more important parts survive whole: every mandatory violation, the totals of the people summary.
    expect(body).toContain("**Mandatory: these block the apply (20)**");
    expect(body.match(/· Person|in slack: Contractors/g)!.length).toBeGreaterThanOrEqual(20);
    expect(body).toContain("**0 joiners, 500 movers, 0 leavers, 0 rehires**");
    expect(body).toContain("**+ 1667 to create · ~ 3333 to update**");
    expect(body.match(/<details>/g)!.length).toBe(body.match(/<\/details>/g)!.length);
  });

  it("cuts the people summary too (with its own note) when the limit is tight", () => {
    const body = buildPrComment({
      diff: manyMovers(500),
      policy: violations,
      resources: many,
      stack: "big",
      engine: "local",
      maxChars: 20_000,
    });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(/of 5000 resource rows cut/);
    expect(body).toMatch(/_\d+ of \d+ advisory results cut|Advisory and remediated \(20\)/);
    expect(body).toMatch(
      /lines of the people summary cut to fit GitHub's comment limit; run `idlc diff --format json` for all of them/,
    );
    expect(body).toContain("**Mandatory: these block the apply (20)**");
    expect(body.match(/<details>/g)!.length).toBe(body.match(/<\/details>/g)!.length);
  });
});
