import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findProject, listStackNames } from "../../engine/project";
import { loadStackSettings, StackConfigError } from "../../provider/config";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project: Pulumi.yaml with stackConfigDir `stacks`, plus the given stack files. */
function project(
  stacks: Record<string, string>,
  projectYaml = "name: identity\nruntime: nodejs\nstackConfigDir: stacks\n",
) {
  const dir = mkdtempSync(path.join(tmpdir(), "idlc-config-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "Pulumi.yaml"), projectYaml);
  mkdirSync(path.join(dir, "stacks", "deep", "er"), { recursive: true });
  for (const [name, text] of Object.entries(stacks))
    writeFileSync(path.join(dir, "stacks", `Pulumi.${name}.yaml`), text);
  return dir;
}

const demo = `config:
  aws:region: eu-west-1
  identity:hr:
    file: demo/people.csv
    preset: personio
    dateFormat: dd.MM.yyyy
    mapping: { employeeId: Personalnummer }
  identity:lifecycle: { preHireDays: 3 }
  identity:slack:
    baseUrl: http://127.0.0.1:9/
    token:
      secure: v1:AAAAAAAAAAAAAAAA:opaque
  identity:roles: { file: demo/roles.csv }
`;

describe("stack configuration", () => {
  it("finds Pulumi.yaml from a directory below it", () => {
    const dir = project({});
    expect(findProject(path.join(dir, "stacks", "deep", "er"))).toMatchObject({
      name: "identity",
      dir,
      file: path.join(dir, "Pulumi.yaml"),
      stackConfigDir: path.join(dir, "stacks"),
    });
  });

  it("without stackConfigDir the stacks live beside Pulumi.yaml", () => {
    const dir = project({}, "name: other\nruntime: nodejs\n");
    expect(findProject(dir).stackConfigDir).toBe(dir);
  });

  it("reports a missing project", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "idlc-none-"));
    dirs.push(dir);
    expect(() => findProject(dir)).toThrow(expect.objectContaining({ code: "PROJECT_NOT_FOUND" }));
    expect(() => loadStackSettings({ cwd: dir, stack: "demo" })).toThrow(
      expect.objectContaining({ code: "PROJECT_NOT_FOUND" }),
    );
  });

  it("reads identity: settings with defaults, and passes other keys through untouched, secrets still encrypted", () => {
    const dir = project({ demo });
    const loaded = loadStackSettings({ cwd: dir, stack: "demo" });
    expect(loaded.stackFile).toBe(path.join(dir, "stacks", "Pulumi.demo.yaml"));
    expect(loaded.stackDir).toBe(path.join(dir, "stacks"));
    expect(loaded.settings.hr).toEqual({
      file: "demo/people.csv",
      preset: "personio",
      dateFormat: "dd.MM.yyyy",
      mapping: { employeeId: "Personalnummer" },
      contractorEndDate: "warning",
    });
    expect(loaded.settings.lifecycle).toEqual({ preHireDays: 3, retentionDays: 30 });
    expect(loaded.settings.anomaly).toEqual({ maxDropPercent: 5, maxDepartmentChangePercent: 15 });
    expect(loaded.settings.slack).toEqual({
      baseUrl: "http://127.0.0.1:9/",
      token: { secure: "v1:AAAAAAAAAAAAAAAA:opaque" },
    });
    expect(loaded.settings.roles).toEqual({ file: "demo/roles.csv" });
    expect(loaded.raw["aws:region"]).toBe("eu-west-1");
    expect("aws:region" in loaded.settings).toBe(false);
  });

  it("identity:hr contractorEndDate is warning by default, error when a stack requires end dates, nothing else", () => {
    const hr = (extra: string) => `config:\n  identity:hr: { file: people.csv${extra} }\n`;
    const strict = hr(", contractorEndDate: error");
    const dir = project({ open: hr(""), strict, typo: hr(", contractorEndDate: fatal") });
    expect(loadStackSettings({ cwd: dir, stack: "open" }).settings.hr?.contractorEndDate).toBe("warning");
    expect(loadStackSettings({ cwd: dir, stack: "strict" }).settings.hr?.contractorEndDate).toBe("error");
    expect(() => loadStackSettings({ cwd: dir, stack: "typo" })).toThrow(/identity:hr\.contractorEndDate/);
  });

  it("identity:hr encoding takes any encoding iconv-lite knows and names a typo", () => {
    const hr = (encoding: string) => `config:\n  identity:hr: { file: people.csv, encoding: ${encoding} }\n`;
    const dir = project({ pl: hr("windows-1250"), dos: hr("cp850"), typo: hr("windows-1520") });
    expect(loadStackSettings({ cwd: dir, stack: "pl" }).settings.hr?.encoding).toBe("windows-1250");
    expect(loadStackSettings({ cwd: dir, stack: "dos" }).settings.hr?.encoding).toBe("cp850");
    expect(() => loadStackSettings({ cwd: dir, stack: "typo" })).toThrow(
      /identity:hr\.encoding.*not an encoding name/s,
    );
  });

  it("an empty stack file gives defaults and no hr", () => {
    const loaded = loadStackSettings({ cwd: project({ dev: "" }), stack: "dev" });
    expect(loaded.settings.hr).toBeUndefined();
    expect(loaded.settings.lifecycle).toEqual({ preHireDays: 7, retentionDays: 30 });
  });

  it("names every invalid key, typos included", () => {
    const dir = project({
      bad: "config:\n  identity:hr: { file: x.csv, preset: sap }\n  identity:lifecycle: { retentionDay: 10 }\n",
    });
    let error: unknown;
    try {
      loadStackSettings({ cwd: dir, stack: "bad" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as StackConfigError).code).toBe("CONFIG_INVALID");
    expect((error as Error).message).toContain("identity:hr.preset");
    expect((error as Error).message).toContain("retentionDay");
  });

  it("an unknown stack lists the known ones", () => {
    const dir = project({ demo, prod: "config: {}\n" });
    expect(listStackNames(findProject(dir))).toEqual(["demo", "prod"]);
    expect(() => loadStackSettings({ cwd: dir, stack: "qa" })).toThrow(
      expect.objectContaining({ code: "CONFIG_STACK_NOT_FOUND", fix: "Use one of the stacks: demo, prod." }),
    );
  });

  it("broken YAML is a config error naming the file", () => {
    const dir = project({ broken: "config:\n  identity:hr: [unclosed\n" });
    expect(() => loadStackSettings({ cwd: dir, stack: "broken" })).toThrow(/Pulumi\.broken\.yaml/);
  });
});

describe("identity:sspr.names", () => {
  const sspr = (names: string) =>
    `config:\n  identity:sspr:\n    publicUrl: https://reset.example.com/\n    smtp: { sandbox: true }\n${names}`;

  it("names targets as people know them, defaulting to none (each kind's own name shows)", () => {
    const cwd = project({ a: sspr("    names: { ldap: Company sign-in }\n"), b: sspr("") });
    expect(loadStackSettings({ cwd, stack: "a" }).settings.sspr!.names).toEqual({ ldap: "Company sign-in" });
    expect(loadStackSettings({ cwd, stack: "b" }).settings.sspr!.names).toEqual({});
  });

  it.each([
    ["an empty name", '    names: { ldap: "" }\n'],
    ["a name over two lines", '    names: { entra: "Microsoft\\n365" }\n'],
    ["an app that holds no password", "    names: { slack: Slack }\n"],
  ])("refuses %s, naming the key", (_, names) => {
    const cwd = project({ a: sspr(names) });
    expect(() => loadStackSettings({ cwd, stack: "a" })).toThrow(/identity:sspr/);
  });
});
