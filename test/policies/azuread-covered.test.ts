import { describe, expect, it } from "vitest";
import { oneAccountPerPersonPerApp } from "../../policies/rules/account-uniqueness";
import { identityClosure } from "../../policies/rules/identity-closure";
import { namingConventions } from "../../policies/rules/naming";
import { maxAdminsPerApp } from "../../policies/rules/privileged-access";
import type { AccountSpec } from "../../provider/access";
import {
  asStack,
  bothModes,
  declareAzuread,
  declaredAs,
  GROUP,
  MEMBER,
  onDynamic,
  onRecord,
  RECORD,
  USER,
} from "./azuread";
import { accountResource, happyAccount, runResourcePolicy, runStackPolicy, unknown } from "./util";

// The rules azuread mode already covered through the User: they now judge the AzureadAccount record beside it,
// with the dynamic EntraAccount's verdict, and stack rules still read a User that has no record.
const spec = (overrides: Partial<AccountSpec> = {}) => happyAccount(overrides) as AccountSpec;
const ola = (overrides: Partial<AccountSpec> = {}) =>
  spec({ employeeId: "E2002", userName: "ola.nordmann", displayName: "Ola Nordmann", ...overrides });
const withoutRecords = (resources: Awaited<ReturnType<typeof declareAzuread>>) =>
  asStack(resources.filter((r) => r.type !== RECORD));

describe("#identityClosure on azuread accounts", () => {
  const config = { employeeIdPattern: "E\\d+" };
  it("passes a record with an HR employee id", async () => {
    expect(await onRecord(identityClosure, spec(), config)).toEqual({ violations: [] });
  });
  it("rejects a record whose employee id is not an HR id, as for the dynamic account", async () => {
    const outcome = await onRecord(identityClosure, spec({ employeeId: "svc-backup" }), config);
    expect(outcome.violations).toEqual([
      expect.stringContaining("entra account 'entra/svc-backup' must map to an HR employee id matching /E\\d+/"),
    ]);
    expect(outcome).toEqual(await onDynamic(identityClosure, spec({ employeeId: "svc-backup" }), config));
  });
  it("is not applicable to the User, groups and memberships beside the record", async () => {
    const declared = await declareAzuread([spec({ employeeId: "svc-backup", groups: ["prod-admins"] })]);
    for (const r of declared.filter((d) => d.type === USER || d.type === GROUP || d.type === MEMBER)) {
      expect(await runResourcePolicy(identityClosure, r.props, { type: r.type, name: r.name, config })).toEqual({
        violations: [],
      });
    }
    expect(declared.map((d) => d.type).sort()).toEqual(
      ["idlc:entra:AzureadAccount", "idlc:index:IdentityStack", GROUP, MEMBER, USER].sort(),
    );
  });
  it("cannot judge an unknown employee id during preview", async () => {
    const outcome = await runResourcePolicy(
      identityClosure,
      { ...spec(), employeeId: unknown.string },
      { type: RECORD, name: "entra/E1001", config },
    );
    expect(outcome.unknown).toMatch(/can't be known during preview/);
  });
});

describe("#namingConventions on azuread accounts", () => {
  const config = { userNamePattern: "[a-z]+\\.[a-z]+", allowedDomains: ["example.com"] };
  it("passes a conforming username and email", async () => {
    expect(await onRecord(namingConventions, spec(), config)).toEqual({ violations: [] });
  });
  it("rejects a username off the pattern, as for the dynamic account", async () => {
    const outcome = await onRecord(namingConventions, spec({ userName: "jane.doe2" }), config);
    expect(outcome.violations).toEqual([
      expect.stringContaining(
        "Jane Doe (E1001) must have a entra username matching /[a-z]+\\.[a-z]+/ (got 'jane.doe2')",
      ),
    ]);
    expect(outcome).toEqual(await onDynamic(namingConventions, spec({ userName: "jane.doe2" }), config));
  });
  it("judges the email domain too: the record carries the HR email", async () => {
    const foreign = spec({ email: "jane@gmail.com" });
    const outcome = await onRecord(namingConventions, foreign, config);
    expect(outcome.violations).toEqual([
      expect.stringContaining("must have a entra email in example.com (got 'jane@gmail.com')"),
    ]);
    expect(outcome).toEqual(await onDynamic(namingConventions, foreign, config));
  });
  it("cannot judge an unknown username during preview", async () => {
    const outcome = await runResourcePolicy(
      namingConventions,
      { ...spec(), userName: unknown.string },
      { type: RECORD, name: "entra/E1001", config },
    );
    expect(outcome.unknown).toBeDefined();
  });
});

describe("#oneAccountPerPersonPerApp with azuread accounts", () => {
  it("counts each person once: the record, not also the User beside it", async () => {
    const { azuread } = await bothModes(oneAccountPerPersonPerApp, [
      spec({ admin: true, groups: ["prod-admins"] }),
      ola(),
    ]);
    expect(azuread).toEqual({ violations: [] });
  });
  it("catches a person with an azuread account and a leftover dynamic EntraAccount", async () => {
    const resources = [...asStack(await declareAzuread([spec()])), accountResource("entra", spec())];
    expect((await runStackPolicy(oneAccountPerPersonPerApp, resources)).violations).toEqual([
      "E1001 must have at most one entra account but has 2 (entra/E1001, entra/E1001); remove the extra resources.",
    ]);
  });
  it("still counts a User whose record is not in the stack yet (state a targeted update carried over)", async () => {
    const resources = [...withoutRecords(await declareAzuread([spec()])), accountResource("entra", spec())];
    expect((await runStackPolicy(oneAccountPerPersonPerApp, resources)).violations).toHaveLength(1);
    expect(
      await runStackPolicy(oneAccountPerPersonPerApp, withoutRecords(await declareAzuread([spec(), ola()]))),
    ).toEqual({ violations: [] });
  });
});

describe("#maxAdminsPerApp with azuread accounts", () => {
  const config = { maxAdminsPerApp: 1 };
  it("counts admins from the records, as the dynamic accounts' admin flag", async () => {
    const { azuread, dynamic } = await bothModes(
      maxAdminsPerApp,
      [spec({ admin: true }), ola({ admin: true })],
      config,
    );
    expect(azuread.violations).toEqual([
      expect.stringContaining(
        "entra must have at most 1 admins but would have 2 (Jane Doe (E1001), Ola Nordmann (E2002))",
      ),
    ]);
    expect(azuread).toEqual(dynamic);
  });
  it("counts a recordless User's admin rights from its admin-group GroupMember", async () => {
    const outcome = await runStackPolicy(
      maxAdminsPerApp,
      withoutRecords(await declareAzuread([spec({ admin: true }), ola({ admin: true })])),
      config,
    );
    expect(outcome.violations).toEqual([
      expect.stringContaining("would have 2 (Jane Doe (E1001), Ola Nordmann (E2002))"),
    ]);
  });
  it("passes a disabled admin and a member of an ordinary group", async () => {
    const { azuread, dynamic } = await bothModes(
      maxAdminsPerApp,
      [
        spec({ admin: true }),
        ola({ admin: true, enabled: false, lifecycle: "leave" }),
        spec({ employeeId: "E3003", groups: ["prod-admins"] }),
      ],
      config,
    );
    expect(azuread).toEqual({ violations: [] });
    expect(dynamic).toEqual({ violations: [] });
  });
  it("is not applicable to stacks without admins", async () => {
    expect((await bothModes(maxAdminsPerApp, [spec(), ola()], { maxAdminsPerApp: 0 })).azuread).toEqual({
      violations: [],
    });
  });
  it("cannot judge an admin whose enabled flag is unknown during preview", async () => {
    const resources = asStack(await declareAzuread([spec({ admin: true })]));
    declaredAs(resources, RECORD, "entra/E1001").props.enabled = unknown.boolean;
    expect((await runStackPolicy(maxAdminsPerApp, resources, config)).unknown).toBeDefined();
  });
});
