import { execFile } from "node:child_process";
import { inspect } from "node:util";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { ldapAccountProvider as p, type LdapAccountOutputs, type LdapSettings } from "../../../provider/apps/ldap";
import { repoRoot } from "../../support/stored-provider";
import { accountSpec, adminPassword, configRequest, isolatedTree } from "./ldap-fixture";

const run = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    execFile(
      process.execPath,
      ["--require", "tsx/cjs", ...args],
      { cwd: repoRoot, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? ((error as { code?: number }).code ?? null) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
  });

describe("passwords stay secret", () => {
  let tree: LdapSettings;
  const printed: string[] = [];
  beforeAll(async () => {
    tree = await isolatedTree("secrets");
  });
  afterEach(() => vi.restoreAllMocks());

  const capture = () => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, method).mockImplementation((...args) => void printed.push(inspect(args)));
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    }
  };

  test("the initial password is only in initialPassword: not in other outputs, reads, errors or logs", async () => {
    capture();
    const spec = accountSpec({ employeeId: "E9001", userName: "secret", email: "secret@example.com" });
    const outs = (await p.create(spec)).outs as LdapAccountOutputs;
    const password = outs.initialPassword!;
    const { initialPassword: _, ...rest } = outs;
    expect(JSON.stringify(rest)).not.toContain(password);
    const read = (await p.read!("E9001", outs)).props as LdapAccountOutputs;
    expect(JSON.stringify({ ...read, initialPassword: undefined })).not.toContain(password);
    const error = await p.update!("E9001", outs, { ...spec, groups: ["missing"] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "LDAP_GROUP_MISSING" });
    expect(inspect(error, { depth: 10 })).not.toContain(password);
    expect(inspect(error, { depth: 10 })).not.toContain(adminPassword);
    vi.restoreAllMocks();
    expect(printed.join("\n")).not.toContain(password);
    expect(printed.join("\n")).not.toContain(adminPassword);
  });

  test("a wrong bind password fails with LDAP_BIND_FAILED and the error never carries it", async () => {
    const wrong = "Wr0ng-Bind-Secret-5521";
    const { peopleDN: _p, groupsDN: _g, dnAttribute: _d, ...good } = tree;
    await p.configure!(configRequest({ ...good, bindPassword: wrong }) as never);
    try {
      const error = await p.create(accountSpec({ employeeId: "E9002" })).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: "LDAP_BIND_FAILED",
        resultCode: 49,
        fix: expect.stringMatching(/bindPassword/),
      });
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(wrong);
      expect(JSON.stringify(error)).not.toContain(wrong);
    } finally {
      await p.configure!(configRequest(good) as never);
    }
  });

  test("a process whose bind failed still exits (the socket is closed in finally)", async () => {
    const script = `require("./provider/apps/ldap").withLdap(${JSON.stringify({ ...tree, bindPassword: "nope" })}, async () => 1)
      .then(() => process.exit(3), (e) => console.log(e.code))`;
    const result = await run(["-e", script]);
    expect(result).toMatchObject({ code: 0, stdout: "LDAP_BIND_FAILED\n" });
  }, 60_000);

  test("the engine gets initialPassword as a secret output and no bind password inside __provider", async () => {
    const secret = "Bind-Secret-In-Config-771";
    const result = await run(["test/apps/ldap/register-account.child.ts", secret]);
    expect(result.stderr).toBe("");
    const [registered] = JSON.parse(result.stdout) as Array<{ type: string; secretOutputs: string[]; object: string }>;
    expect(registered).toMatchObject({
      type: "pulumi-nodejs:dynamic/idlc:LdapAccount",
      secretOutputs: ["initialPassword"],
    });
    expect(registered!.object).toContain("__provider");
    expect(registered!.object).not.toContain(secret);
  }, 60_000);
});
