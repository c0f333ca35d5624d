/**
 * Which resource classes make each app's accounts and groups. Adding an app is one entry here.
 * The classes come from their own files, not the apps' indexes: the Pulumi program loads this table, and an index
 * also loads its connector (client, session, HTTP kit), which runs only in the provider host, loaded there by path
 * (apps/shared/project-provider.ts). test/stack/program-modules.test.ts holds the program to that.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccountSpec, AppName, GroupSpec } from "../access/account-spec";
import { GoogleAccount } from "../apps/google/account";
import { GoogleGroup } from "../apps/google/group";
import { LdapAccount } from "../apps/ldap/account";
import { LdapGroup } from "../apps/ldap/group";
import { ScimAccount } from "../apps/scim/account";
import { ScimGroup } from "../apps/scim/group";
import { SlackAccount } from "../apps/slack/account";
import { SlackGroup } from "../apps/slack/group";
import { EntraAccount } from "../apps/entra/account";
import { EntraGroup } from "../apps/entra/group";

type Make<Spec> = (name: string, spec: Spec, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

export interface AppResources {
  account: Make<AccountSpec>;
  group: Make<GroupSpec>;
  /** Directory apps hold the identity other apps federate from: their accounts are created first. */
  directory: boolean;
}

// SCIM resources need their instance; the access plan always sets it for SCIM entries.
const scimInstance = (spec: { instance?: string }) => spec.instance ?? "";

export const appResources: Record<AppName, AppResources> = {
  entra: {
    account: (name, spec, opts) => new EntraAccount(name, spec, opts),
    group: (name, spec, opts) => new EntraGroup(name, spec, opts),
    directory: true,
  },
  google: {
    account: (name, spec, opts) => new GoogleAccount(name, spec, opts),
    group: (name, spec, opts) => new GoogleGroup(name, spec, opts),
    directory: true,
  },
  slack: {
    account: (name, spec, opts) => new SlackAccount(name, spec, opts),
    group: (name, spec, opts) => new SlackGroup(name, spec, opts),
    directory: false,
  },
  scim: {
    account: (name, spec, opts) => new ScimAccount(name, { ...spec, instance: scimInstance(spec) }, opts),
    group: (name, spec, opts) => new ScimGroup(name, { ...spec, instance: scimInstance(spec) }, opts),
    directory: false,
  },
  ldap: {
    account: (name, spec, opts) => new LdapAccount(name, spec, opts),
    group: (name, spec, opts) => new LdapGroup(name, spec, opts),
    directory: false,
  },
};
