/**
 * A checkpoint's resources as audit sees them: idlc accounts and groups (found by their type tokens), with the
 * AccountSpec fields read leniently from outputs (inputs when a provider returned none). Secret values stay
 * ciphertext envelopes; a spec field stored as a secret is named in `sealed` and never decrypted.
 */
import { z } from "zod";
import { Approval, AppName, Grant } from "../../access";
import { LifecycleState } from "../../hr";
import { AuditCode, AuditSourceError } from "../errors";
import { isSecret, type ResourceWire } from "./wire";

const TOKEN = /^pulumi-nodejs:dynamic\/idlc:(Entra|Google|Slack|Scim|Ldap)(Account|Group)$/;
/** In azuread mode the Entra account is this record of the spec; the azuread.User beside it is skipped like any foreign type. */
const AZUREAD_ACCOUNT = "idlc:entra:AzureadAccount";

const AccountFields = z.object({
  employeeId: z.string().min(1).optional(),
  userName: z.string().optional(),
  email: z.string().optional(),
  displayName: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  managerEmployeeId: z.string().optional(),
  employmentType: z.string().optional(),
  enabled: z.boolean(),
  lifecycle: LifecycleState.optional(),
  lifecycleSince: z.string().optional(),
  revokedOn: z.string().optional(),
  groups: z.array(z.string()).default([]),
  admin: z.boolean().default(false),
  license: z.string().optional(),
  grants: z.array(Grant).default([]),
  approvals: z.array(Approval).default([]),
  endDate: z.string().optional(),
});

const GroupFields = z.object({
  name: z.string().optional(),
  displayName: z.string().optional(),
  privileged: z.boolean().default(false),
  roleIds: z.array(z.string()).default([]),
});

interface ResourceBase {
  urn: string;
  type: string;
  app: AppName;
  /** `slack`, or `scim:<instance>`: the app part of the resource name. */
  appKey: string;
  id?: string;
  /** Outputs as stored (`__provider` dropped); secrets are still ciphertext envelopes. */
  outputs: Record<string, unknown>;
  /** Top-level fields stored as secrets, left encrypted. */
  sealed: string[];
}
export type AuditAccount = ResourceBase & { kind: "account"; employeeId: string } & Omit<
    z.infer<typeof AccountFields>,
    "employeeId"
  >;
export type AuditGroup = ResourceBase & { kind: "group"; name: string } & Omit<z.infer<typeof GroupFields>, "name">;
export type AuditResource = AuditAccount | AuditGroup;

/** The idlc accounts and groups of a checkpoint's resources; every other resource is skipped. */
export function auditResources(resources: readonly ResourceWire[], file: string): AuditResource[] {
  const out: AuditResource[] = [];
  for (const r of resources) {
    const token = r.type === AZUREAD_ACCOUNT ? [r.type, "Entra", "Account"] : TOKEN.exec(r.type);
    if (!token || r.delete) continue;
    out.push(toResource(r, token[1]!.toLowerCase() as AppName, token[2] === "Account" ? "account" : "group", file));
  }
  return out;
}

function toResource(r: ResourceWire, app: AppName, kind: "account" | "group", file: string): AuditResource {
  const name = r.urn.slice(r.urn.lastIndexOf("::") + 2);
  const slash = name.indexOf("/");
  const appKey = slash > 0 ? name.slice(0, slash) : app;
  const { __provider: _dropped, ...outputs } = { ...(r.inputs ?? {}), ...(r.outputs ?? {}) };
  const sealed = Object.keys(outputs)
    .filter((k) => isSecret(outputs[k]))
    .sort();
  const plain = Object.fromEntries(Object.entries(outputs).filter(([k, v]) => v !== null && !sealed.includes(k)));
  const base = { urn: r.urn, type: r.type, app, appKey, ...(r.id ? { id: r.id } : {}), outputs, sealed };
  const parsed = (kind === "account" ? AccountFields : GroupFields).safeParse(plain);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".");
    const why = sealed.includes(String(issue.path[0])) ? "is stored as a secret" : issue.message;
    throw new AuditSourceError(
      AuditCode.accountInvalid,
      `${file}: ${r.urn}: ${field}: ${why}`,
      "Repair the resource's state (pulumi refresh), or move the damaged file aside.",
      { file, urn: r.urn, field },
    );
  }
  const rest = name.slice(slash + 1);
  if (kind === "group") {
    const fields = parsed.data as z.infer<typeof GroupFields>;
    return { ...base, kind, ...fields, name: fields.name ?? rest.replace(/^groups\//, "") };
  }
  const fields = parsed.data as z.infer<typeof AccountFields>;
  return { ...base, kind, ...fields, employeeId: fields.employeeId ?? rest };
}
