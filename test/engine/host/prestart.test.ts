import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prestartProgram } from "../../../engine/host";
import { dropPrestarted } from "../../../engine/host/prestart";
import { createProject, resourcesByName } from "../helpers/project";

/** The probe's inputs as the preview planned them. */
const planned = (events: Awaited<ReturnType<ReturnType<typeof createProject>["run"]>>["events"]) =>
  events.find((e) => e.resourcePreEvent?.metadata.urn.endsWith("::probe"))?.resourcePreEvent?.metadata.new?.inputs;

describe("a program process started ahead of its run", { timeout: 120_000 }, () => {
  const project = createProject("started-ahead");
  afterAll(() => project.cleanup());
  const started: ReturnType<typeof prestartProgram>[] = [];
  afterEach(() => started.splice(0).forEach((child) => child?.kill("SIGKILL")));
  const prestart = () => {
    const child = prestartProgram(project.dir);
    started.push(child);
    expect(child).toBeDefined();
    return child!;
  };

  it("runs the run it is handed, as a process started for it would: arguments, config, no passphrase in a sealed preview", async () => {
    project.writeConfig({ greeting: "hello" });
    prestart();
    const preview = await project.run("preview", { sealed: true });
    expect(preview.result, preview.error?.message).toBe("succeeded");
    expect(planned(preview.events)).toMatchObject({
      startedAhead: true,
      stack: "dev",
      project: "ahead",
      dryRun: true,
      passphrase: false,
      marker: "none",
      greeting: "hello",
      tracingBeforeGrpc: true,
    });

    prestart();
    const up = await project.run("up");
    expect(up.result, up.error?.message).toBe("succeeded");
    const inputs = resourcesByName(project.checkpoint()).probe.inputs;
    expect(inputs).toMatchObject({ startedAhead: true, dryRun: false, passphrase: true, marker: "none" });

    // The same run in a process started for it: only how it started differs.
    const fresh = await project.run("preview", { sealed: true });
    expect(planned(fresh.events)).toEqual({ ...planned(preview.events), startedAhead: false });
  });

  it("is let go, exiting non-zero, when the run needs other Node arguments; the run starts its own", async () => {
    project.writeConfig({});
    const child = prestart();
    const exited = once(child, "exit");
    const run = await project.run("preview", { sealed: true, programHeapMb: 1024 });
    expect(run.result, run.error?.message).toBe("succeeded");
    expect(planned(run.events)).toMatchObject({ startedAhead: false });
    const [code] = await exited;
    expect(code).not.toBe(0);
  });

  it("one that died before the run is not used: the run starts its own and succeeds", async () => {
    project.writeConfig({});
    const child = prestart();
    child.kill("SIGKILL");
    await once(child, "exit");
    const run = await project.run("preview", { sealed: true });
    expect(run.result, run.error?.message).toBe("succeeded");
    expect(planned(run.events)).toMatchObject({ startedAhead: false });
  });

  it("takes its run from the line the engine writes, without waiting for the engine to close the pipe", async () => {
    // The engine closes its end only when its event loop turns again, and it has synchronous work right after the
    // hand-over (a preview's app values): the run must not wait for that.
    const main = join(project.dir, "print-run.js");
    writeFileSync(
      main,
      "console.log(JSON.stringify({ argv: process.argv.slice(2), given: process.env.GIVEN ?? null }));\n",
    );
    const child = spawn(
      process.execPath,
      ["--require", join(__dirname, "../../../engine/host/prestart-wait.js"), main],
      {
        cwd: project.dir,
        env: { ...process.env, IDLC_PROGRAM_PRESTART: "waiting" },
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    started.push(child);
    let out = "";
    const printed = new Promise<string>((resolve) =>
      child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()).includes("\n") && resolve(out)),
    );
    child.stdin!.write(`${JSON.stringify({ argv: ["--stack", "dev"], env: { GIVEN: "yes\nand more" } })}\n`);
    expect(JSON.parse(await printed)).toEqual({ argv: ["--stack", "dev"], given: "yes\nand more" });
    child.stdin!.end();
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("is stopped when dropped, and the next run starts its own", async () => {
    project.writeConfig({});
    const child = prestart();
    const exited = once(child, "exit");
    dropPrestarted();
    await exited;
    const run = await project.run("preview", { sealed: true });
    expect(run.result, run.error?.message).toBe("succeeded");
    expect(planned(run.events)).toMatchObject({ startedAhead: false });
  });
});
