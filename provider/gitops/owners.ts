import { z } from "zod";
import { AppName } from "../access";
import { OwnersConfigError } from "./errors";

/**
 * Someone GitHub can request a review from: `@user`, `@org/team`, or the email of a GitHub account (CODEOWNERS
 * accepts all three). Anything else (a team's display name) cannot be routed, so it is refused here.
 */
export const OwnerRef = z
  .string()
  .regex(
    /^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$|^[^@\s]+@[^@\s]+\.[^@\s]+$/,
    "write a GitHub handle (@name, @org/team) or an email address",
  );

/** `hr` (the HR export), `stack` (the stack file: security/IT), an app (`slack`) or a SCIM instance (`scim:github`). */
const OwnerKey = z
  .string()
  .regex(
    new RegExp(`^(hr|stack|${AppName.options.join("|")}|scim:[a-z0-9][a-z0-9._-]*)$`),
    `use hr, stack, an app (${AppName.options.join(", ")}) or scim:<instance>`,
  );

/** `identity:owners`: who reviews changes to each app, to the HR export and to the stack file. */
export const OwnersSettings = z.record(OwnerKey, z.array(OwnerRef).min(1));
export type Owners = z.infer<typeof OwnersSettings>;

/**
 * `identity:owners` from a stack's raw config map; `{}` when unset.
 * @throws OwnersConfigError naming the key, the stack file and the fix.
 */
export function readOwners(raw: Record<string, unknown>, stackFile: string): Owners {
  const parsed = OwnersSettings.safeParse(raw["identity:owners"] ?? {});
  if (parsed.success) return parsed.data;
  // zod reports a bad record key as "Invalid key in record" with the key schema's own message inside.
  const message = (i: z.core.$ZodIssue) =>
    i.code === "invalid_key" && i.issues.length ? i.issues[0]!.message : i.message;
  const problems = parsed.error.issues
    .map((i) => `identity:owners${i.path.length ? `.${i.path.join(".")}` : ""}: ${message(i)}`)
    .join("; ");
  throw new OwnersConfigError(
    `${stackFile}: ${problems}`,
    'Write identity:owners as { <app>|hr|stack: ["@org/team", "someone@example.com"] }.',
    { file: stackFile, column: "identity:owners" },
  );
}

/** Owners of an app key: the SCIM instance's own list (`scim:github`), else the app's (`scim`). */
export function appOwners(owners: Owners, appKey: string): string[] {
  return owners[appKey] ?? owners[appKey.split(":")[0]!] ?? [];
}

/** Whether an owner string can stand in CODEOWNERS (role owners are free text in role files). */
export const routable = (owner: string) => OwnerRef.safeParse(owner).success;
