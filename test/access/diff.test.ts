import { describe, expect, it } from "vitest";
import { diffPlans, formatDiffJson, formatDiffMarkdown, formatDiffText } from "../../provider/access";
import type { LifecycleState, Person } from "../../provider/hr/person";
import { person, plan } from "./people";

const roles = `roles:
  - { id: base, entitlements: { slack: { groups: [all] }, google: { groups: [everyone] } } }
  - { id: sales, entitlements: { google: { groups: [sales] } } }
  - { id: eng, entitlements: { google: { groups: [eng] }, ldap: { groups: [eng] } } }
  - { id: root, privileged: true, entitlements: { google: { groups: [root] } } }
rules:
  - { id: all, birthright: true, roles: [base] }
  - { id: sales, match: { department: Sales }, roles: [sales] }
  - { id: eng, match: { department: Engineering }, roles: [eng] }
`;
/** Lifecycle given per person in a test, defaulting to HR status. */
const planOf = (people: Array<[Person, LifecycleState?]>) => {
  const states = new Map(
    people.map(([p, s]) => [p.employeeId, s ?? (p.status === "terminated" ? "terminated" : p.status)]),
  );
  return plan(
    people.map(([p]) => p),
    roles,
    { lifecycle: (p) => states.get(p.employeeId)! },
  );
};
const sales = person("E1", { department: "Sales", title: "AE" });
const eng = person("E1", { department: "Engineering", title: "SWE" });

describe("diffPlans", () => {
  it("finds a joiner whose accounts appear, with everything they get", () => {
    const d = diffPlans(planOf([]), planOf([[sales, "pre-hire"]]));
    expect(d.joiners).toEqual([
      {
        employeeId: "E1",
        displayName: "Alex PersonE1",
        department: "Sales",
        title: "AE",
        lifecycle: "pre-hire",
        status: "created",
        hireDate: "2024-01-01",
        access: { google: ["account", "group:everyone", "group:sales"], slack: ["account", "group:all"] },
      },
    ]);
    expect([d.movers, d.leavers, d.rehires]).toEqual([[], [], []]);
  });

  it.each<[string, LifecycleState | undefined, LifecycleState]>([
    ["not yet in the program", "not-yet", "pre-hire"],
    ["pre-hire becoming active", "pre-hire", "active"],
  ])("counts a person %s as a joiner", (_what, before, after) => {
    const d = diffPlans(planOf([[sales, before]]), planOf([[sales, after]]));
    expect(d.joiners.map((j) => j.status)).toEqual([before === "pre-hire" ? "activated" : "created"]);
  });

  it("finds a mover with per-app gains and losses and the attributes that changed", () => {
    const d = diffPlans(planOf([[sales]]), planOf([[eng]]));
    expect(d.movers).toEqual([
      {
        employeeId: "E1",
        displayName: "Alex PersonE1",
        department: "Engineering",
        title: "SWE",
        lifecycle: "active",
        changes: { department: { from: "Sales", to: "Engineering" }, title: { from: "AE", to: "SWE" } },
        gained: { google: ["group:eng"], ldap: ["account", "group:eng"] },
        lost: { google: ["group:sales"] },
        suspended: [],
        resumed: [],
      },
    ]);
  });

  it("records leave of absence as suspended and the return as resumed", () => {
    expect(diffPlans(planOf([[sales]]), planOf([[sales, "leave"]])).movers[0]).toMatchObject({
      suspended: ["google", "slack"],
      resumed: [],
      gained: {},
      lost: {},
    });
    expect(diffPlans(planOf([[sales, "leave"]]), planOf([[sales]])).movers[0]).toMatchObject({
      suspended: [],
      resumed: ["google", "slack"],
    });
  });

  it("finds a leaver disabled now, losing privileged groups, and later deleted", () => {
    const admin = person("E1", { roles: ["root"], terminationDate: "2026-05-31" });
    const disabled = diffPlans(planOf([[admin]]), planOf([[admin, "terminated"]]));
    expect(disabled.leavers).toEqual([
      {
        employeeId: "E1",
        displayName: "Alex PersonE1",
        lifecycle: "terminated",
        terminationDate: "2026-05-31",
        disabled: ["google", "slack"],
        deleted: [],
        lost: { google: ["group:root"] },
      },
    ]);
    const deleted = diffPlans(planOf([[admin, "terminated"]]), planOf([[admin, "removed"]]));
    expect(deleted.leavers).toMatchObject([{ disabled: [], deleted: ["google", "slack"], lifecycle: "removed" }]);
    expect(diffPlans(planOf([[admin]]), planOf([])).leavers).toMatchObject([
      { deleted: ["google", "slack"], lifecycle: "active" },
    ]);
  });

  it.each<[string, LifecycleState, string[], string[]]>([
    ["inside retention: the same accounts are re-enabled", "terminated", ["google", "slack"], []],
    ["after retention: accounts are created again", "removed", [], ["google", "slack"]],
  ])("finds a rehire %s", (_what, before, reenabled, created) => {
    const back = person("E1", { department: "Sales", title: "AE", hireDate: "2026-05-01" });
    const d = diffPlans(planOf([[back, before]]), planOf([[back, "active"]]));
    expect(d.rehires).toMatchObject([{ employeeId: "E1", hireDate: "2026-05-01", reenabled, created }]);
    expect([d.joiners, d.movers, d.leavers]).toEqual([[], [], []]);
  });

  it("reports nothing for unchanged plans", () => {
    const d = diffPlans(planOf([[sales]]), planOf([[sales]]));
    expect([d.joiners, d.movers, d.leavers, d.rehires]).toEqual([[], [], [], []]);
  });
});

describe("diff output", () => {
  const before = planOf([[person("E2", { department: "Sales" })], [sales], [person("E3", { lastName: "Gone" })]]);
  const after = planOf([
    [person("E2", { department: "Sales" })],
    [eng],
    [person("E3", { lastName: "Gone", terminationDate: "2026-05-31" }), "terminated"],
    [person("E4", { lastName: "New", department: "Sales" }), "pre-hire"],
  ]);
  const d = diffPlans(before, after);

  it("prints text with one line per person and indented details", () => {
    expect(formatDiffText(d)).toBe(`idlc diff 2026-06-01 → 2026-06-01: 1 joiner, 1 mover, 1 leaver, 0 rehires

JOINERS (1)
  Alex New (E4), Sales — starts 2024-01-01, accounts created disabled
      + google: account, group:everyone, group:sales
      + slack: account, group:all

MOVERS (1)
  Alex PersonE1 (E1), Engineering, SWE
      department: Sales → Engineering
      title: AE → SWE
      + google: group:eng
      + ldap: account, group:eng
      - google: group:sales

LEAVERS (1)
  Alex Gone (E3) — terminated 2026-05-31
      disabled now: google, slack
`);
  });

  it("prints JSON in the documented shape, byte-identical across runs", () => {
    const json = JSON.parse(formatDiffJson(d));
    expect(Object.keys(json)).toEqual(["from", "joiners", "leavers", "movers", "rehires", "summary", "to"]);
    expect(json.movers[0]).toMatchObject({
      employeeId: "E1",
      gained: { ldap: ["account", "group:eng"] },
      lost: { google: ["group:sales"] },
    });
    expect(json.summary).toEqual({ joiners: 1, movers: 1, leavers: 1, rehires: 0 });
    expect(formatDiffJson(diffPlans(before, after))).toBe(formatDiffJson(d));
  });

  it("prints markdown for a PR comment: totals per app, then people", () => {
    const md = formatDiffMarkdown(d);
    expect(md).toContain("| google | 1 | 1 | 0 | 1 | 1 |");
    expect(md).toContain(
      "#### Movers (1)\n\n- **Alex PersonE1 (E1), Engineering, SWE**\n  - `department: Sales → Engineering`",
    );
    expect(md).not.toContain("<details>");
  });

  it("keeps 500 changes readable: a screenful per section in full, the rest in one collapsed table, under GitHub's size limit", () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      person(`E${1000 + i}`, { department: "Ops", lastName: `N${i}` }),
    );
    const md = formatDiffMarkdown(diffPlans(planOf([]), planOf(many.map((p) => [p]))));
    expect(md.match(/^- \*\*/gm)).toHaveLength(10);
    expect(md).toContain("<details><summary>490 more joiners</summary>");
    expect(md).toContain(
      "| Alex N499 (E1499), Ops — accounts created | + google: account, group:everyone<br>+ slack: account, group:all |",
    );
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain("left out");
  });

  it("leaves people out with a pointer to the JSON rather than exceed a PR comment", () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      person(`E${10000 + i}`, { department: "Sales", lastName: `Longer-Family-Name-${i}` }),
    );
    const md = formatDiffMarkdown(diffPlans(planOf([]), planOf(many.map((p) => [p]))));
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(
      /_\d+ more people left out to fit a PR comment; run `idlc diff --format json` for all of them._/,
    );
  });
});
