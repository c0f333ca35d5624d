import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProjectError } from "../../engine/project";
import { collectPreviewEvents, renderPreviewComment } from "../../provider/gitops";
import { urn } from "./fixtures";
import { demoProject, projectAt, root, scratchDir, type TempProject } from "./project";

const scratch = scratchDir("idlc-preview-comment-");
afterAll(() => scratch.cleanup());

/** What the engine would have sent for the demo change. */
function collected() {
  const c = collectPreviewEvents();
  c.onEvent({
    resourcePreEvent: {
      metadata: { op: "create", urn: urn("slack/E071"), type: "pulumi-nodejs:dynamic/idlc:SlackAccount" },
    },
  });
  c.onEvent({
    policyEvent: {
      policyPackName: "idlc-identity",
      policyName: "leavers-disabled",
      enforcementLevel: "mandatory",
      message: "Liam Taylor (E024) must be disabled.",
      resourceUrn: urn("slack/E024"),
    },
  });
  c.onEvent({ summaryEvent: { resourceChanges: { create: 1, same: 90 }, policyPacks: { "idlc-identity": "0.1.0" } } });
  return c.result();
}

let work: TempProject;
beforeAll(() => {
  const origin = demoProject(path.join(scratch.dir, "origin"), ["  identity:owners:", "    slack: ['@acme/it']"]);
  copyFileSync(path.join(root, "stacks/demo/people-previous.csv"), path.join(origin.dir, "stacks/demo/people.csv"));
  origin.git("add", ".");
  origin.git("commit", "-q", "-m", "base");
  origin.git("clone", "-q", origin.dir, path.join(scratch.dir, "work"));
  work = projectAt(path.join(scratch.dir, "work"));
  work.git("switch", "-q", "-c", "change");
  copyFileSync(path.join(root, "stacks/demo/people.csv"), path.join(work.dir, "stacks/demo/people.csv"));
  work.git("commit", "-q", "-am", "HR export");
});

describe("renderPreviewComment", () => {
  const env = { GITHUB_BASE_REF: "main", IDLC_AS_OF: "2026-11-25" };

  it("on GitHub compares with origin/<base>: people, reviewers from identity:owners, policy and resources", () => {
    const body = renderPreviewComment({ cwd: work.dir, engine: "local", collected: collected(), env });
    expect(body.split("\n")[0]).toBe("<!-- idlc:preview stack=demo -->");
    expect(body).toContain("**1 joiner, 1 mover, 1 leaver, 0 rehires**");
    expect(body).toMatch(/\*\*Reviewers:\*\* .*@acme\/it/);
    expect(body).toContain(
      "- **leavers-disabled** · Liam Taylor (E024) in slack: Liam Taylor (E024) must be disabled.",
    );
    expect(body).toContain("**+ 1 to create · 90 unchanged**");
    expect(body).toContain("### Policy results _(idlc-identity)_");
  });

  it("off GitHub compares with HEAD: a committed change shows nobody; --from picks the base", () => {
    const local = { IDLC_AS_OF: "2026-11-25" };
    expect(renderPreviewComment({ cwd: work.dir, engine: "local", collected: collected(), env: local })).toContain(
      "**0 joiners, 0 movers, 0 leavers, 0 rehires**",
    );
    const fromMain = renderPreviewComment({
      cwd: work.dir,
      engine: "local",
      collected: collected(),
      env: local,
      from: "main",
    });
    expect(fromMain).toContain("**1 joiner, 1 mover, 1 leaver, 0 rehires**");
  });

  it("needs a stack when the project has several", () => {
    copyFileSync(path.join(work.dir, "stacks/Pulumi.demo.yaml"), path.join(work.dir, "stacks/Pulumi.other.yaml"));
    expect(() => renderPreviewComment({ cwd: work.dir, engine: "local", collected: collected(), env })).toThrow(
      ProjectError,
    );
    expect(
      renderPreviewComment({
        cwd: work.dir,
        engine: "local",
        collected: collected(),
        env: { ...env, PULUMI_STACK: "other" },
      }),
    ).toContain("stack=other");
  });
});
