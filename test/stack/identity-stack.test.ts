import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessPlan } from "../../provider/access";
import { dependsOnNames, fakeApps, group, spec } from "./fake-apps";

const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];
beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: async (args) => args.inputs,
    },
    "identity",
    "test",
    false,
  );
});

const { resources: fakes, made } = fakeApps();

const plan: AccessPlan = {
  asOf: "2026-11-25",
  issues: [],
  groups: [
    { app: "slack", spec: group("engineering") },
    { app: "scim", spec: group("developers", { instance: "github" }) },
  ],
  people: [
    {
      employeeId: "E1",
      displayName: "Person E1",
      lifecycle: "active",
      employmentType: "employee",
      roles: [],
      accounts: [
        { app: "slack", spec: spec("E1", { groups: ["engineering"] }) },
        { app: "google", spec: spec("E1") },
        { app: "scim", spec: spec("E1", { instance: "github", groups: ["developers"] }) },
      ],
    },
    {
      employeeId: "E2",
      displayName: "Person E2",
      lifecycle: "terminated",
      employmentType: "employee",
      roles: [],
      accounts: [{ app: "slack", spec: spec("E2", { enabled: false, lifecycle: "terminated" }) }],
    },
    // E3 reports to E2 (who holds Slack, declared after E3 here) and to nobody in Google (E2 has no Google account).
    {
      employeeId: "E3",
      displayName: "Person E3",
      lifecycle: "active",
      employmentType: "employee",
      roles: [],
      managerEmployeeId: "E2",
      accounts: [
        { app: "slack", spec: spec("E3", { managerEmployeeId: "E2" }) },
        { app: "google", spec: spec("E3", { managerEmployeeId: "E2" }) },
      ],
    },
  ],
};

describe("IdentityStack", () => {
  it("declares one resource per (person, app) and per group, with stable names", async () => {
    const { IdentityStack, summarize } = await import("../../provider/stack/index.js");
    new IdentityStack("identity", { plan, resources: fakes });
    await new Promise((r) => setTimeout(r, 50));
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "idlc:index:IdentityStack identity",
      "test:google:Account google/E1",
      "test:google:Account google/E3",
      "test:scim:Account scim:github/E1",
      "test:scim:Group scim:github/groups/developers",
      "test:slack:Account slack/E1",
      "test:slack:Account slack/E2",
      "test:slack:Account slack/E3",
      "test:slack:Group slack/groups/engineering",
    ]);
    expect(registered.find((r) => r.name === "slack/E2")!.inputs).toMatchObject({
      enabled: false,
      lifecycle: "terminated",
    });
    expect(summarize(plan)).toEqual({
      google: { enabled: 2, disabled: 0 },
      slack: { enabled: 2, disabled: 1 },
      "scim:github": { enabled: 1, disabled: 0 },
    });
  });

  it("creates directory accounts first and makes app accounts depend on them and on their groups", async () => {
    const deps = (name: string) => dependsOnNames(made[name]!);
    expect(deps("slack/E1")).toEqual(["slack/groups/engineering", "google/E1"]);
    expect(deps("scim:github/E1")).toEqual(["scim:github/groups/developers", "google/E1"]);
    expect(deps("google/E1")).toEqual([]);
    expect(deps("slack/E2")).toEqual([]);
  });

  it("names a manager only where they hold an account in the same app, and never waits for the manager's account", async () => {
    const deps = (name: string) => dependsOnNames(made[name]!);
    const inputs = (name: string) => registered.find((r) => r.name === name)!.inputs;
    expect(deps("slack/E3")).toEqual(["google/E3"]);
    expect(inputs("slack/E3").managerEmployeeId).toBe("E2");
    expect(inputs("google/E3").managerEmployeeId).toBeUndefined();
  });

  it("makes a cutoff depend on nothing, while a pre-hire account still waits for its groups and directory", async () => {
    const { IdentityStack } = await import("../../provider/stack/index.js");
    const { isCutoff } = await import("../../provider/stack-plan/index.js");
    const cut = { enabled: false, groups: ["engineering"] };
    const cutoffs: AccessPlan = {
      ...plan,
      people: [
        {
          ...plan.people[0]!,
          employeeId: "L1",
          accounts: [
            { app: "google", spec: spec("L1", { ...cut, lifecycle: "terminated" }) },
            { app: "slack", spec: spec("L1", { ...cut, lifecycle: "terminated", managerEmployeeId: "E1" }) },
          ],
        },
        {
          ...plan.people[0]!,
          employeeId: "L2",
          accounts: [{ app: "slack", spec: spec("L2", { ...cut, lifecycle: "leave" }) }],
        },
        {
          ...plan.people[0]!,
          employeeId: "J1",
          accounts: [
            { app: "google", spec: spec("J1", { ...cut, lifecycle: "pre-hire" }) },
            { app: "slack", spec: spec("J1", { ...cut, lifecycle: "pre-hire" }) },
          ],
        },
      ],
    };
    new IdentityStack("cutoffs", { plan: cutoffs, resources: fakes });
    await new Promise((r) => setTimeout(r, 50));
    const deps = (name: string) => dependsOnNames(made[name]!);
    expect(deps("slack/L1")).toEqual([]);
    expect(deps("slack/L2")).toEqual([]);
    expect(deps("slack/J1")).toEqual(["slack/groups/engineering", "google/J1"]);
    expect([
      isCutoff({ enabled: false, lifecycle: "terminated" }),
      isCutoff({ enabled: false, lifecycle: "pre-hire" }),
    ]).toEqual([true, false]);
  });

  it("lets a cutoff the stack does not hold yet (a first run's leaver) wait for its groups, as any create", async () => {
    const { IdentityStack } = await import("../../provider/stack/index.js");
    const cut = { enabled: false, groups: ["engineering"] };
    const leaver = (id: string, lifecycle: "terminated" | "leave") => ({
      ...plan.people[0]!,
      employeeId: id,
      accounts: [
        { app: "google" as const, spec: spec(id, { ...cut, lifecycle }) },
        { app: "slack" as const, spec: spec(id, { ...cut, lifecycle }) },
      ],
    });
    const first: AccessPlan = { ...plan, people: [leaver("H1", "terminated"), leaver("N1", "leave")] };
    new IdentityStack("held", { plan: first, resources: fakes, held: new Set(["slack/H1", "google/H1"]) });
    await new Promise((r) => setTimeout(r, 50));
    const deps = (name: string) => dependsOnNames(made[name]!);
    expect(deps("slack/H1")).toEqual([]);
    expect(deps("slack/N1")).toEqual(["slack/groups/engineering", "google/N1"]);
    expect(deps("google/N1")).toEqual([]);
  });

  it("declares only the targeted resources of a targeted update, keeping the manager reference", async () => {
    const { IdentityStack } = await import("../../provider/stack/index.js");
    const before = registered.length;
    new IdentityStack("targeted", { plan, resources: fakes, only: new Set(["slack/E3", "google/E3"]) });
    await new Promise((r) => setTimeout(r, 50));
    expect(
      registered
        .slice(before)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["google/E3", "slack/E3", "targeted"]);
    expect(registered.slice(before).find((r) => r.name === "slack/E3")!.inputs.managerEmployeeId).toBe("E2");
  });
});
