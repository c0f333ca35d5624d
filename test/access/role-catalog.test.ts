import { describe, expect, it } from "vitest";
import { codes, catalogOf } from "./people";

const role = (id: string, extra = "") => `  - id: ${id}\n${extra}`;

describe("buildCatalog", () => {
  it("flattens inheritance transitively", () => {
    const catalog = catalogOf(
      `roles:\n${role("a", "    inherits: [b]\n")}${role("b", "    inherits: [c, d]\n")}${role("c")}${role("d", "    inherits: [c]\n")}`,
    );
    expect(catalog.issues).toEqual([]);
    expect(Object.fromEntries(catalog.closure)).toEqual({
      a: ["a", "b", "c", "d"],
      b: ["b", "c", "d"],
      c: ["c"],
      d: ["c", "d"],
    });
  });

  it.each([
    ["a self-loop", `${role("a", "    inherits: [a]\n")}`, "a → a"],
    ["a two-role loop", `${role("a", "    inherits: [b]\n")}${role("b", "    inherits: [a]\n")}`, "a → b → a"],
    [
      "a loop below a root",
      `${role("root", "    inherits: [x]\n")}${role("x", "    inherits: [y]\n")}${role("y", "    inherits: [z]\n")}${role("z", "    inherits: [x]\n")}`,
      "x → y → z → x",
    ],
  ])("reports %s once, naming the cycle", (_what, roles, cycle) => {
    const catalog = catalogOf(`roles:\n${roles}`);
    expect(codes(catalog.issues)).toEqual(["ROLE_CYCLE"]);
    expect(catalog.issues[0]!.message).toContain(cycle);
    expect(catalog.issues[0]!.column).toBe("inherits");
  });

  it("reports unknown roles wherever they are named, with a hint", () => {
    const catalog = catalogOf(`roles:
${role("engineer", "    inherits: [enginer-base]\n    conflictsWith: [ghost]\n")}${role("engineer-base")}rules:
  - id: r
    birthright: true
    roles: [enginer]
grants:
  - { employeeId: E1, role: nope, until: 2026-01-01 }
`);
    expect(catalog.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["ROLE_UNKNOWN", 2, "inherits"],
      ["ROLE_UNKNOWN", 2, "conflictsWith"],
      ["ROLE_UNKNOWN", 7, "roles"],
      ["ROLE_UNKNOWN", 11, "role"],
    ]);
    expect(catalog.issues[0]!.message).toContain("did you mean 'engineer-base'?");
    expect(catalog.rules[0]!.roles).toEqual([]);
    expect(catalog.grants).toEqual([]);
  });

  it("reports duplicate roles and rules with the first location", () => {
    const catalog = catalogOf(
      `roles:\n${role("a")}${role("a")}rules:\n  - { id: r, birthright: true, roles: [a] }\n  - { id: r, birthright: true, roles: [a] }\n`,
    );
    expect(catalog.issues.map((i) => [i.code, i.row])).toEqual([
      ["ROLE_DUPLICATE", 3],
      ["RULE_INVALID", 6],
    ]);
    expect(catalog.issues[0]!.message).toContain("roles.yaml:2");
  });

  it("makes separation of duties symmetric", () => {
    const catalog = catalogOf(`roles:\n${role("pay", "    conflictsWith: [approve]\n")}${role("approve")}`);
    expect([...catalog.conflicts.get("approve")!]).toEqual(["pay"]);
    expect([...catalog.conflicts.get("pay")!]).toEqual(["approve"]);
  });
});
