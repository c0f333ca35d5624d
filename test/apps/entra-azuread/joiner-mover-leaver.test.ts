import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessPlan } from "../../../provider/access";
import {
  ADMIN_GROUP,
  declareStack,
  GROUP,
  key,
  MEMBER,
  ofType,
  plan,
  rawConfig,
  Recorder,
  SEED,
  spec,
  USER,
} from "./harness";

const recorder = new Recorder();
beforeAll(async () => {
  await pulumi.runtime.setMocks(recorder.mocks, "identity", "test", false);
  pulumi.runtime.setAllConfig({ "identity:entra": JSON.stringify({ mode: "azuread", initialPasswordSeed: SEED }) }, [
    "identity:entra",
  ]);
});

const declare = (p: AccessPlan, raw?: Record<string, unknown>) => declareStack(recorder, p, raw);

const manager = spec("E300", {
  title: "Head of Engineering",
  department: "Engineering",
  admin: true,
  groups: ["engineering", "prod-admins"],
});
const joiner = spec("E200", {
  title: "Engineer",
  department: "Engineering",
  managerEmployeeId: "E300",
  groups: ["engineering", "prod-admins"],
});

describe("joiner", () => {
  it("declares a User with the spec's fields, a derived secret password and the manager's object id", async () => {
    const { initialPassword } = await import("../../../provider/apps/entra-azuread/index.js");
    const declared = await declare(plan([joiner, manager]));
    const users = ofType(declared, USER);
    expect(Object.keys(users).sort()).toEqual(["entra/E200", "entra/E300"]);
    expect(users["entra/E200"]).toEqual({
      userPrincipalName: "user.e200@contoso.com",
      mailNickname: "user.e200",
      displayName: "Given E200",
      givenName: "Given",
      surname: "E200",
      accountEnabled: true,
      employeeId: "E200",
      employeeType: "employee",
      jobTitle: "Engineer",
      department: "Engineering",
      companyName: "Contoso",
      forcePasswordChange: true,
      // Reaches the engine as a secret: it never shows in a preview or in plain text in state.
      password: {
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: initialPassword(SEED, "E200"),
      },
      // E200 is declared before E300 (plan order): the manager id still arrives, from E300's User.
      managerId: "entra/E300-oid",
    });
    expect(users["entra/E300"]!.managerId).toBeUndefined();
    expect(users["entra/E200"]!.password.value).not.toBe(users["entra/E300"]!.password.value);
  });

  it("keeps the password out of later diffs and makes the user wait for its groups", async () => {
    const declared = await declare(plan([joiner, manager]));
    const opts = declared.get(key(USER, "entra/E200"))!.opts!;
    expect(opts.ignoreChanges).toEqual(["password"]);
    const deps = (opts.dependsOn as pulumi.Resource[]).map((r) => (r as unknown as { __name: string }).__name);
    expect(deps).toEqual(["entra/groups/engineering", "entra/groups/prod-admins"]);
  });

  it("declares security groups without members and one GroupMember per (group, person)", async () => {
    const declared = await declare(plan([joiner, manager]));
    const groups = ofType(declared, GROUP);
    expect(Object.keys(groups).sort()).toEqual([
      "entra/groups/engineering",
      "entra/groups/prod-admins",
      "entra/groups/sales",
    ]);
    expect(groups["entra/groups/engineering"]).toEqual({
      displayName: "Group engineering",
      securityEnabled: true,
      mailEnabled: false,
      preventDuplicateNames: true,
    });
    expect(Object.values(groups).every((g) => !("members" in g))).toBe(true);
    expect(ofType(declared, MEMBER)).toEqual({
      "entra/groups/engineering/members/E200": {
        groupObjectId: "entra/groups/engineering-oid",
        memberObjectId: "entra/E200-oid",
      },
      "entra/groups/prod-admins/members/E200": {
        groupObjectId: "entra/groups/prod-admins-oid",
        memberObjectId: "entra/E200-oid",
      },
      "entra/groups/engineering/members/E300": {
        groupObjectId: "entra/groups/engineering-oid",
        memberObjectId: "entra/E300-oid",
      },
      "entra/groups/prod-admins/members/E300": {
        groupObjectId: "entra/groups/prod-admins-oid",
        memberObjectId: "entra/E300-oid",
      },
      "entra/admins/E300": { groupObjectId: ADMIN_GROUP, memberObjectId: "entra/E300-oid" },
    });
  });
});

describe("mover", () => {
  it("updates title and department on the same User and moves the GroupMembers", async () => {
    const moved = spec("E200", {
      title: "Account Executive",
      department: "Sales",
      managerEmployeeId: "E300",
      groups: ["sales"],
    });
    const declared = await declare(plan([moved, manager]));
    expect(ofType(declared, USER)["entra/E200"]).toMatchObject({
      jobTitle: "Account Executive",
      department: "Sales",
      accountEnabled: true,
      managerId: "entra/E300-oid",
    });
    const members = Object.keys(ofType(declared, MEMBER)).filter((n) => n.endsWith("/E200"));
    expect(members).toEqual(["entra/groups/sales/members/E200"]);
  });

  it("drops the manager when the new manager has no Entra account in the plan", async () => {
    const declared = await declare(plan([spec("E200", { managerEmployeeId: "E999" }), manager]));
    expect(ofType(declared, USER)["entra/E200"]!.managerId).toBeUndefined();
  });
});

describe("leaver", () => {
  it("keeps a terminated person's User with accountEnabled false and no privileged memberships", async () => {
    // The plan has already dropped the privileged group and admin flag (access/entitlements).
    const terminated = spec("E300", { enabled: false, lifecycle: "terminated", groups: ["engineering"] });
    const declared = await declare(plan([joiner, terminated]));
    expect(ofType(declared, USER)["entra/E300"]).toMatchObject({ accountEnabled: false, employeeId: "E300" });
    const members = Object.keys(ofType(declared, MEMBER)).filter((n) => n.endsWith("/E300"));
    expect(members).toEqual(["entra/groups/engineering/members/E300"]);
    // A report of the disabled manager keeps the manager link: the User still exists.
    expect(ofType(declared, USER)["entra/E200"]!.managerId).toBe("entra/E300-oid");
  });

  it("declares nothing for the person once retention is over, so the User and memberships are deleted", async () => {
    const declared = await declare(plan([joiner]));
    expect([...declared.values()].filter((d) => d.name.includes("E300"))).toEqual([]);
    expect(ofType(declared, USER)["entra/E200"]!.managerId).toBeUndefined();
    expect(Object.keys(ofType(declared, GROUP))).toHaveLength(3);
  });
});

describe("mode selection", () => {
  it("leaves the app table untouched in graph mode", async () => {
    const { appResources } = await import("../../../provider/stack/index.js");
    const { resourcesForEntraMode } = await import("../../../provider/apps/entra-azuread/index.js");
    expect(resourcesForEntraMode({}, plan([joiner]), appResources)).toBe(appResources);
    expect(
      resourcesForEntraMode({ "identity:entra": { mode: "graph", graphUrl: "x" } }, plan([joiner]), appResources),
    ).toBe(appResources);
  });

  it("refuses Entra admins without an admin group, before declaring anything", async () => {
    const { appResources } = await import("../../../provider/stack/index.js");
    const { resourcesForEntraMode } = await import("../../../provider/apps/entra-azuread/index.js");
    const raw = rawConfig({ adminGroupId: undefined });
    expect(() => resourcesForEntraMode(raw, plan([manager]), appResources)).toThrow(
      /E300 is an Entra admin, but identity:entra.adminGroupId is not set/,
    );
  });

  it("refuses a manager loop instead of waiting forever", async () => {
    const { appResources } = await import("../../../provider/stack/index.js");
    const { resourcesForEntraMode, AzureadPlanError } = await import("../../../provider/apps/entra-azuread/index.js");
    const loop = plan([
      spec("E1", { managerEmployeeId: "E2" }),
      spec("E2", { managerEmployeeId: "E3" }),
      spec("E3", { managerEmployeeId: "E1" }),
    ]);
    expect(() => resourcesForEntraMode(rawConfig(), loop, appResources)).toThrow(AzureadPlanError);
    expect(() => resourcesForEntraMode(rawConfig(), loop, appResources)).toThrow(/E1 → E2 → E3 form a loop/);
    const selfManaged = plan([spec("E1", { managerEmployeeId: "E1" })]);
    expect(() => resourcesForEntraMode(rawConfig(), selfManaged, appResources)).not.toThrow();
  });
});
