import { describe, expect, it } from "vitest";
import type { RoleDef } from "../../provider/access";
import { appOwners, loadStackDiff, OwnersConfigError, readOwners, reviewersFor } from "../../provider/gitops";
import { root } from "./project";

const change = loadStackDiff({ cwd: root, stack: "demo", from: "stacks/demo/people-previous.csv", asOf: "2026-11-25" });
const owned = (r: ReturnType<typeof reviewersFor>) => Object.fromEntries(r.map((x) => [x.owner, x.reasons]));

describe("reviewersFor", () => {
  it("asks the owners of roles a mover gains or loses, and of every role a joiner or leaver holds", () => {
    const r = owned(reviewersFor({ ...change, owners: {} }));
    // E025 engineering → sales: engineer (marcus) lost, sales and sales-org (priya) gained.
    expect(r["marcus.chen@example.com"]).toEqual(["role engineer"]);
    expect(r["priya.raman@example.com"]).toEqual(["role sales", "role sales-org"]);
    // E071 joins finance with the employee birthright; E024 (sales) leaves.
    expect(r["daniel.okafor@example.com"]).toContain("role finance");
    expect(r["it@example.com"]).toEqual(["role employee-base"]);
    // Nobody's access to executive roles changes.
    expect(r["olivia.bennett@example.com"]).toBeUndefined();
  });

  it("adds app owners (SCIM instance first, then the app) for every app where access changes", () => {
    const r = owned(
      reviewersFor({
        ...change,
        owners: {
          slack: ["@acme/slack"],
          scim: ["@acme/scim"],
          "scim:github": ["@acme/github"],
          entra: ["@acme/entra"],
          hr: ["@acme/people"],
        },
      }),
    );
    expect(r["@acme/slack"]).toEqual(["app slack"]);
    expect(r["@acme/github"]).toEqual(["app scim:github"]);
    expect(r["@acme/entra"]).toEqual(["app entra"]);
    expect(r["@acme/scim"]).toBeUndefined();
    expect(r["@acme/people"]).toBeUndefined();
    expect(appOwners({ scim: ["@acme/scim"] }, "scim:jira")).toEqual(["@acme/scim"]);
  });

  it("asks a role's owner when its definition changes, even if nobody's roles change", () => {
    const marketing = change.rolesAfter.get("marketing")!;
    const edited: RoleDef = {
      ...marketing,
      entitlements: [
        ...marketing.entitlements,
        { app: "slack", account: true, groups: [{ name: "brand" }], admin: false },
      ],
    };
    const rolesAfter = new Map([...change.rolesAfter, ["marketing", edited]]);
    const moved = { ...change, diff: { ...change.diff, joiners: [], movers: [], leavers: [] } };
    expect(owned(reviewersFor({ ...moved, rolesAfter, owners: {} }))).toEqual({
      "sofia.alvarez@example.com": ["role definition marketing"],
    });
  });
});

describe("identity:owners", () => {
  it("reads handles, teams and emails per app, hr and stack", () => {
    const owners = {
      slack: ["@acme/it"],
      "scim:github": ["@octocat"],
      hr: ["people@example.com"],
      stack: ["@acme/security"],
    };
    expect(readOwners({ "identity:owners": owners }, "Pulumi.prod.yaml")).toEqual(owners);
    expect(readOwners({}, "Pulumi.prod.yaml")).toEqual({});
  });

  it.each([
    [{ slak: ["@acme/it"] }, /identity:owners\.slak: use hr, stack, an app/],
    [
      { slack: ["IT team"] },
      /identity:owners\.slack\.0: write a GitHub handle \(@name, @org\/team\) or an email address/,
    ],
    [{ slack: [] }, /identity:owners\.slack/],
    [["@acme/it"], /identity:owners/],
  ])("refuses %j naming the key and the file", (value, message) => {
    const err = (() => {
      try {
        readOwners({ "identity:owners": value }, "stacks/Pulumi.prod.yaml");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OwnersConfigError);
    expect((err as OwnersConfigError).code).toBe("GITOPS_OWNERS_INVALID");
    expect((err as Error).message).toMatch(/^stacks\/Pulumi\.prod\.yaml: /);
    expect((err as Error).message).toMatch(message);
    expect((err as OwnersConfigError).fix).toMatch(/identity:owners/);
  });
});
