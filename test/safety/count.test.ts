import { describe, expect, it } from "vitest";
import { countDeprovisions, overBudget, type AccountStep } from "../../provider/safety";

const disable = (app: string, n: number): AccountStep[] =>
  Array.from({ length: n }, () => ({ op: "update", app, wasEnabled: true, willBeEnabled: false }));
const del = (app: string, n: number): AccountStep[] => Array.from({ length: n }, () => ({ op: "delete", app }));
const existing = (counts: Record<string, number>) => new Map(Object.entries(counts));

describe("countDeprovisions", () => {
  it("counts disables and deletes per app against the accounts that exist before the update", () => {
    const steps = [...disable("slack", 2), ...del("slack", 2), { op: "create", app: "slack" }];
    expect(countDeprovisions(steps, existing({ slack: 40, google: 10 }))).toEqual([
      { app: "google", existing: 10, disables: 0, deletes: 0, budget: 1 },
      { app: "slack", existing: 40, disables: 2, deletes: 2, budget: 4 },
    ]);
  });
  it("does not count an update that keeps or re-enables an account", () => {
    const steps: AccountStep[] = [
      { op: "update", app: "slack", wasEnabled: false, willBeEnabled: true },
      { op: "update", app: "slack", wasEnabled: false, willBeEnabled: false },
    ];
    expect(countDeprovisions(steps, existing({ slack: 2 }))[0]).toMatchObject({ disables: 0, deletes: 0 });
  });
  it("follows the stack's safety settings", () => {
    expect(countDeprovisions([], existing({ slack: 40 }), { maxPercent: 50, maxAccounts: 100 })[0]!.budget).toBe(20);
  });
});

describe("overBudget", () => {
  const truncated = countDeprovisions(disable("slack", 20), existing({ slack: 40, google: 40 }));
  it("names the apps over budget (a truncated export)", () => {
    expect(overBudget(truncated).map((c) => c.app)).toEqual(["slack"]);
  });
  it("lets exactly the reviewed total through, and nothing else", () => {
    expect(overBudget(truncated, 20)).toEqual([]);
    expect(overBudget(truncated, 19).map((c) => c.app)).toEqual(["slack"]);
    expect(overBudget(truncated, 21).map((c) => c.app)).toEqual(["slack"]);
  });
  it("passes a normal day", () => {
    expect(overBudget(countDeprovisions(disable("slack", 1), existing({ slack: 40 })))).toEqual([]);
  });
});
