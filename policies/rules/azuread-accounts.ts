/**
 * Entra accounts in azuread mode (`identity:entra.mode: azuread`, provider/apps/entra-azuread): per person an
 * `azuread.User` named `entra/<employeeId>` whose inputs are what `userArgs` maps from the spec, and each group
 * membership a separate `azuread.GroupMember`, the admin group's named `entra/admins/<employeeId>`. The rest of
 * the spec (lifecycle, lifecycleSince, grants, approvals, endDate, email) is not in the stack in this mode, so
 * rules that read it do not see these accounts.
 * @internal
 */
import type { Account, AccountProps, SpecField } from "./accounts";

const USER = "azuread:index/user:User";
const GROUP_MEMBER = "azuread:index/groupMember:GroupMember";
const ADMIN_MEMBER = /^entra\/admins\/([^/]+)$/;

/** Spec field → the User input `userArgs` writes it to, unchanged. */
const userInput: Partial<Record<SpecField, string>> = {
  employeeId: "employeeId",
  // The UPN's local part, which is the userName: plan usernames never carry a domain (access model, "Usernames").
  userName: "mailNickname",
  displayName: "displayName",
  employmentType: "employeeType",
  enabled: "accountEnabled",
};

/**
 * `exception` is known to be absent: this mode declares only plan accounts, each an HR person, and `userArgs` has
 * no input for one. Should an exception account ever be declared, identity-closure flags it (fails closed).
 */
const knownAbsent: ReadonlySet<SpecField> = new Set(["exception"]);

/** Resource names of azuread Users for a stack rule: `entra/<employeeId>`. */
export type AzureadAdmins = ReadonlySet<string>;

export const isAzureadUser = (type: string): boolean => type === USER;

/** The Users (by resource name) that are members of the admin group, from the stack's GroupMember resources. */
export function azureadAdmins(resources: ReadonlyArray<{ type: string; name: string }>): AzureadAdmins {
  const admins = new Set<string>();
  for (const r of resources) {
    // Joined by name, not by memberObjectId: a new user's object id is unknown during preview.
    const employeeId = r.type === GROUP_MEMBER ? ADMIN_MEMBER.exec(r.name)?.[1] : undefined;
    if (employeeId) admins.add(`entra/${employeeId}`);
  }
  return admins;
}

/**
 * A User as an Entra account, when it carries every field in `needs`. `admins` (stack rules only) adds `admin`.
 * Props are read lazily, like a dynamic account's, so a field unknown during preview stops only the rules reading it.
 */
export function azureadUserAccount(
  resource: { name: string; props: Record<string, unknown> },
  needs: readonly SpecField[],
  admins: AzureadAdmins | undefined,
): Account | undefined {
  const carried = (f: SpecField) => f in userInput || knownAbsent.has(f) || (f === "admin" && admins !== undefined);
  if (!needs.every(carried)) return undefined;
  const props: AccountProps = {};
  for (const [field, input] of Object.entries(userInput)) {
    Object.defineProperty(props, field, { enumerable: true, get: () => resource.props[input!] });
  }
  if (admins) props.admin = admins.has(resource.name);
  return { app: "entra", name: resource.name, props };
}
