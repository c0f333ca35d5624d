import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { oneAccountPerPersonPerApp } from "../../policies/rules/account-uniqueness";
import { identityClosure } from "../../policies/rules/identity-closure";
import { namingConventions } from "../../policies/rules/naming";
import { maxAdminsPerApp } from "../../policies/rules/privileged-access";
import type { AccountSpec } from "../../provider/access";
import { declareAzuread, declaredAs, GROUP, MEMBER, USER } from "./azuread";
import { accountResource, accountType, happyAccount, runResourcePolicy, runStackPolicy, unknown } from "./util";

// Rules whose facts azuread mode carries: each gives an azuread User the verdict it gives the dynamic EntraAccount.
const spec = (overrides: Partial<AccountSpec> = {}) => happyAccount(overrides) as AccountSpec;
const ola = (overrides: Partial<AccountSpec> = {}) => spec({ employeeId: "E2002", userName: "ola.nordmann", displayName: "Ola Nordmann", ...overrides });

async function onUser(policy: ResourceValidationPolicy, s: AccountSpec, config: Record<string, unknown> = {}) {
  const user = declaredAs(await declareAzuread([s]), USER, `entra/${s.employeeId}`);
  return runResourcePolicy(policy, user.props, { type: user.type, name: user.name, config });
}
const onDynamic = (policy: ResourceValidationPolicy, s: AccountSpec, config: Record<string, unknown> = {}) =>
  runResourcePolicy(policy, s, { type: accountType("entra"), name: `entra/${s.employeeId}`, config });
async function bothModes(policy: StackValidationPolicy, specs: AccountSpec[], config: Record<string, unknown> = {}) {
  const azuread = await runStackPolicy(policy, await declareAzuread(specs), config);
  const dynamic = await runStackPolicy(policy, specs.map((s) => accountResource("entra", s)), config);
  return { azuread, dynamic };
}

describe("#identityClosure on azuread Users", () => {
  const config = { employeeIdPattern: "E\\d+" };
  it("passes a User with an HR employee id", async () => {
    expect(await onUser(identityClosure, spec(), config)).toEqual({ violations: [] });
  });
  it("rejects a User whose employee id is not an HR id, as for the dynamic account", async () => {
    const outcome = await onUser(identityClosure, spec({ employeeId: "svc-backup" }), config);
    expect(outcome.violations).toEqual([expect.stringContaining("entra account 'entra/svc-backup' must map to an HR employee id matching /E\\d+/")]);
    expect(outcome).toEqual(await onDynamic(identityClosure, spec({ employeeId: "svc-backup" }), config));
  });
  it("is not applicable to azuread groups and memberships", async () => {
    const declared = await declareAzuread([spec({ groups: ["prod-admins"] })]);
    for (const r of declared.filter((d) => d.type === GROUP || d.type === MEMBER)) {
      expect(await runResourcePolicy(identityClosure, r.props, { type: r.type, name: r.name, config })).toEqual({ violations: [] });
    }
    expect(declared.filter((d) => d.type === MEMBER)).toHaveLength(1);
    expect(declared.filter((d) => d.type === GROUP)).toHaveLength(1);
  });
  it("cannot judge an unknown employee id during preview", async () => {
    const outcome = await runResourcePolicy(identityClosure, { employeeId: unknown.string }, { type: USER, name: "entra/E1001", config });
    expect(outcome.unknown).toMatch(/can't be known during preview/);
  });
});

describe("#namingConventions on azuread Users", () => {
  const config = { userNamePattern: "[a-z]+\\.[a-z]+", allowedDomains: ["example.com"] };
  it("passes a conforming username", async () => {
    expect(await onUser(namingConventions, spec(), config)).toEqual({ violations: [] });
  });
  it("rejects a username off the pattern, as for the dynamic account", async () => {
    const outcome = await onUser(namingConventions, spec({ userName: "jane.doe2" }), config);
    expect(outcome.violations).toEqual([expect.stringContaining("Jane Doe (E1001) must have a entra username matching /[a-z]+\\.[a-z]+/ (got 'jane.doe2')")]);
    expect(outcome).toEqual(await onDynamic(namingConventions, spec({ userName: "jane.doe2" }), config));
  });
  it("does not judge the email domain: a User does not carry the HR email", async () => {
    const foreign = spec({ email: "jane@gmail.com" });
    expect((await onDynamic(namingConventions, foreign, config)).violations).toHaveLength(1);
    expect(await onUser(namingConventions, foreign, config)).toEqual({ violations: [] });
  });
  it("cannot judge an unknown username during preview", async () => {
    const outcome = await runResourcePolicy(namingConventions, { mailNickname: unknown.string, displayName: "Jane Doe", employeeId: "E1001" }, { type: USER, name: "entra/E1001", config });
    expect(outcome.unknown).toBeDefined();
  });
});

describe("#oneAccountPerPersonPerApp with azuread Users", () => {
  it("passes one User per person, memberships and groups not counted", async () => {
    expect((await bothModes(oneAccountPerPersonPerApp, [spec({ admin: true, groups: ["prod-admins"] }), ola()])).azuread).toEqual({ violations: [] });
  });
  it("catches a person with a User and a leftover dynamic EntraAccount", async () => {
    const resources = [...(await declareAzuread([spec()])), accountResource("entra", spec())];
    expect((await runStackPolicy(oneAccountPerPersonPerApp, resources)).violations).toEqual([
      "E1001 must have at most one entra account but has 2 (entra/E1001, entra/E1001); remove the extra resources.",
    ]);
  });
});

describe("#maxAdminsPerApp with azuread Users (admin rights are GroupMember resources)", () => {
  const config = { maxAdminsPerApp: 1 };
  it("counts members of the admin group, as the dynamic accounts' admin flag", async () => {
    const { azuread, dynamic } = await bothModes(maxAdminsPerApp, [spec({ admin: true }), ola({ admin: true })], config);
    expect(azuread.violations).toEqual([expect.stringContaining("entra must have at most 1 admins but would have 2 (Jane Doe (E1001), Ola Nordmann (E2002))")]);
    expect(azuread).toEqual(dynamic);
  });
  it("passes a disabled admin and a member of an ordinary group", async () => {
    const { azuread, dynamic } = await bothModes(maxAdminsPerApp, [spec({ admin: true }), ola({ admin: true, enabled: false, lifecycle: "leave" }), spec({ employeeId: "E3003", groups: ["prod-admins"] })], config);
    expect(azuread).toEqual({ violations: [] });
    expect(dynamic).toEqual({ violations: [] });
  });
  it("is not applicable to stacks without admins", async () => {
    expect((await bothModes(maxAdminsPerApp, [spec(), ola()], { maxAdminsPerApp: 0 })).azuread).toEqual({ violations: [] });
  });
  it("cannot judge an admin whose enabled flag is unknown during preview", async () => {
    const resources = await declareAzuread([spec({ admin: true })]);
    declaredAs(resources, USER, "entra/E1001").props.accountEnabled = unknown.boolean;
    expect((await runStackPolicy(maxAdminsPerApp, resources, config)).unknown).toBeDefined();
  });
});
