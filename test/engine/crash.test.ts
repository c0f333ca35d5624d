import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, PASSPHRASE, resourcesByName, type TestProject } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";
import { writeSpec } from "./helpers/spec";

const IDLC = resolve(__dirname, "../../bin/idlc.js");
const COUNT = 200;
// Kill once this many objects exist: from the first create to after the last one (checkpoint being written).
const KILL_POINTS = [1, ...Array.from({ length: 18 }, (_, i) => (i + 1) * 10), COUNT];

const objects = (p: TestProject) => readdirSync(p.outDir).filter((f) => !f.startsWith("."));

/** Runs `idlc <op> --yes` in its own process group and SIGKILLs the whole group once `done(project)` holds. */
async function killedWhen(
  project: TestProject,
  op: "up" | "destroy",
  done: (p: TestProject) => boolean,
): Promise<void> {
  const child = spawn(process.execPath, [IDLC, op, "--yes", "--cwd", project.dir, "--parallel", "8"], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE },
  });
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && !done(project)) await new Promise((r) => setTimeout(r, 5));
  if (!finished) process.kill(-child.pid!, "SIGKILL");
  await exited;
}

describe(`SIGKILL at ${KILL_POINTS.length} points of an up of ${COUNT} resources`, () => {
  const projects: TestProject[] = [];
  afterAll(() => projects.forEach((p) => p.cleanup()));

  it.each(KILL_POINTS)(
    "converges after a kill at %i objects with exactly one create per resource",
    async (point) => {
      const project = createProject("files");
      projects.push(project);
      writeSpec(project, { generate: { prefix: "r", count: COUNT } });
      await killedWhen(project, "up", (p) => objects(p).length >= point);
      const r = await project.run("up");
      expect(r.result, r.error?.message).toBe("succeeded");
      const files = objects(project);
      expect(files).toHaveLength(COUNT);
      expect(new Set(project.creates()).size).toBe(project.creates().length);
      const ckpt = project.checkpoint();
      expect(checkpointSchemaErrors(ckpt)).toEqual([]);
      expect(ckpt.checkpoint.latest.pending_operations ?? []).toEqual([]);
      const byName = resourcesByName(ckpt);
      const fileResources = Object.values(byName).filter((res: any) => res.type === "pulumi-nodejs:dynamic/test:File");
      expect(fileResources).toHaveLength(COUNT);
      for (const res of fileResources as any[]) expect(existsSync(res.id)).toBe(true);
      expect(existsSync(join(project.dir, ".pulumi/locks/organization/files/dev"))).toBe(true);
      expect(readdirSync(join(project.dir, ".pulumi/locks/organization/files/dev"))).toEqual([]);
    },
    180_000,
  );

  it("converges after a kill in the middle of a destroy: interrupted deletes are checked with Read", async () => {
    const project = createProject("files");
    projects.push(project);
    writeSpec(project, { generate: { prefix: "r", count: COUNT } });
    expect((await project.run("up")).result).toBe("succeeded");
    await killedWhen(project, "destroy", (p) => objects(p).length <= COUNT / 2);
    expect(objects(project).length).toBeGreaterThan(0);
    const r = await project.run("destroy");
    expect(r.result, r.error?.message).toBe("succeeded");
    expect(objects(project)).toEqual([]);
    expect(project.checkpoint().checkpoint.latest.resources ?? []).toEqual([]);
    expect(project.checkpoint().checkpoint.latest.pending_operations ?? []).toEqual([]);
  }, 180_000);
});
