import { describe, expect, it } from "vitest";
import { makeUrn, type ResourceState } from "../../engine/deploy/resource-state";
import { scheduleDeletes, transitiveDependents } from "../../engine/deploy/schedule-deletes";

const res = (name: string, deps: string[] = [], extra: Partial<ResourceState> = {}): ResourceState => ({
  urn: name,
  type: "t",
  custom: true,
  inputs: {},
  outputs: {},
  dependencies: deps,
  propertyDependencies: {},
  ...extra,
});

describe("scheduleDeletes", () => {
  it("deletes dependents before their dependencies, independent resources together", () => {
    const p = res("p");
    const a = res("a", [], { provider: "p::id" });
    const b = res("b", ["a"], { provider: "p::id" });
    const c = res("c", [], { propertyDependencies: { x: ["b"] } });
    const d = res("d");
    const layers = scheduleDeletes([p, a, b, c, d]).map((l) => l.map((r) => r.urn).sort());
    expect(layers).toEqual([["c", "d"], ["b"], ["a"], ["p"]]);
  });

  it("honours parents and deletedWith", () => {
    const layers = scheduleDeletes([
      res("parent"),
      res("child", [], { parent: "parent" }),
      res("w", [], { deletedWith: "child" }),
    ]);
    expect(layers.map((l) => l.map((r) => r.urn))).toEqual([["w"], ["child"], ["parent"]]);
  });

  it("finds transitive dependents", () => {
    const all = [res("a"), res("b", ["a"]), res("c", ["b"]), res("d")];
    expect(transitiveDependents("a", all).map((r) => r.urn)).toEqual(["b", "c"]);
  });
});

describe("makeUrn", () => {
  it("qualifies the type with the parent's type chain, except under the stack", () => {
    const stack = makeUrn("s", "p", "", "pulumi:pulumi:Stack", "p-s");
    expect(stack).toBe("urn:pulumi:s::p::pulumi:pulumi:Stack::p-s");
    const group = makeUrn("s", "p", stack, "my:index:Group", "g");
    expect(group).toBe("urn:pulumi:s::p::my:index:Group::g");
    expect(makeUrn("s", "p", group, "pulumi-nodejs:dynamic:Resource", "r")).toBe(
      "urn:pulumi:s::p::my:index:Group$pulumi-nodejs:dynamic:Resource::r",
    );
  });
});
