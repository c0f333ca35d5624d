/**
 * Entra accounts in azuread mode (`identity:entra.mode: azuread`, provider/apps/entra-azuread): per person an
 * `azuread.User` named `entra/<employeeId>` and, of the same name, an `idlc:entra:AzureadAccount` component whose
 * inputs and outputs are the whole spec. The record is the account, exactly like a dynamic `EntraAccount`.
 * A stack can still hold a User without its record: state from before records existed that a targeted update
 * carries over (an untargeted new record is not created). Stack rules read such a User for the part of the spec
 * it carries, with admin rights from the `entra/admins/<employeeId>` GroupMember. Resource rules never meet one:
 * every User the program registers comes with its record, so they judge the record alone.
 * @internal
 */
import type { Account, AccountProps, PolicyResourceLike, SpecField } from "./accounts";

export const AZUREAD_ACCOUNT = "idlc:entra:AzureadAccount";
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

/** What a stack rule needs to read recordless Users: their names, and the admin group's members (by User name). */
export interface RecordlessUsers {
  recorded: ReadonlySet<string>;
  admins: ReadonlySet<string>;
}

export function recordlessUsers(resources: readonly PolicyResourceLike[]): RecordlessUsers {
  const recorded = new Set<string>();
  const admins = new Set<string>();
  for (const r of resources) {
    if (r.type === AZUREAD_ACCOUNT) recorded.add(r.name);
    // Joined by name, not by memberObjectId: a new user's object id is unknown during preview.
    const employeeId = r.type === GROUP_MEMBER ? ADMIN_MEMBER.exec(r.name)?.[1] : undefined;
    if (employeeId) admins.add(`entra/${employeeId}`);
  }
  return { recorded, admins };
}

/**
 * A User without a record as an Entra account, when it carries every field in `needs`; undefined for anything
 * else, a User with a record included (its record is the account: counting both would count everyone twice).
 * Props are read lazily, like a record's, so a field unknown during preview stops only the rules reading it.
 */
export function recordlessUserAccount(
  resource: PolicyResourceLike,
  needs: readonly SpecField[],
  users: RecordlessUsers,
): Account | undefined {
  if (resource.type !== USER || users.recorded.has(resource.name)) return undefined;
  if (!needs.every((f) => f in userInput || f === "admin")) return undefined;
  const props: AccountProps = {};
  for (const [field, input] of Object.entries(userInput)) {
    Object.defineProperty(props, field, { enumerable: true, get: () => resource.props[input!] });
  }
  props.admin = users.admins.has(resource.name);
  return { app: "entra", name: resource.name, props };
}
