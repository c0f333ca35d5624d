import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../../scripts/workspace";

const made: Workspace[] = [];
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })));

const read = (ws: Workspace, file: string) => readFileSync(path.join(ws.dir, "stacks", file), "utf8");

it("leaves LDAP out of the demo stack everywhere it is named, and the stack still validates clean", async () => {
  const ws = createWorkspace("idlc-drop-app-");
  made.push(ws);
  ws.dropApp("ldap");
  const config = YAML.parse(read(ws, "Pulumi.demo.yaml")).config;
  expect(config["identity:apps"]).toEqual(["entra", "google", "slack", "scim"]);
  expect(config).not.toHaveProperty("identity:ldap");
  const roles = YAML.parse(read(ws, "demo/roles.yaml")).roles as Array<{ entitlements?: Record<string, unknown> }>;
  expect(roles.filter((r) => r.entitlements && "ldap" in r.entitlements)).toEqual([]);
  expect(roles.find((r) => r.entitlements?.scim)).toBeDefined();
  const personas = YAML.parse(read(ws, "demo/personas.yaml"));
  expect(JSON.stringify(personas.personas)).not.toContain("ldap");
  // An invariant that forbids the app still holds without it, so it stays.
  expect(personas.invariants).toContainEqual(expect.objectContaining({ never: { apps: ["ldap"] } }));
  expect(read(ws, "demo/roles.yaml")).toContain("# Roles of the demo company");

  const validated = await ws.idlc(["validate", "--stack", "demo", "--json"]);
  expect(validated.code, validated.stderr).toBe(0);
  expect(JSON.parse(validated.stdout)).toMatchObject({ ok: true, errors: [], warnings: [] });
});
