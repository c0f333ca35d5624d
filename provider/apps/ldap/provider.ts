/**
 * The LdapAccount dynamic provider: one inetOrgPerson (or AD user) per person. Serialized by value into state,
 * so it reaches only lean local modules; ldapts and zod are required inside functions, and credentials come
 * only from `configure()` (held on globalThis by apps/shared, never in a captured variable).
 * Contract: create adopts (employee id, then login/email); delete refuses an enabled account and succeeds when
 * the entry is already gone; read returns an empty id when gone (or when asked to import: create adopts instead);
 * a rename is an update (modifyDN), never a replace.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  appSettingsStore,
  appWork,
  checkAccountInputs,
  diffAccount,
  readAppSettings,
  recordOnlyOutputs,
  refuseEnabledDelete,
  type ExtraFields,
} from "../shared";
import { ACCOUNT_OUTPUTS, readBack, type LdapAccountOutputs } from "./account-outputs";
import { addAccount, convergeAccount } from "./account-sync";
import { employeeIdAttribute } from "./account-entry";
import { withLdap } from "./client";
import { findByEmployeeId, findForAdoption, groupNamesOf, syncMemberships } from "./directory";
import { LdapError } from "./errors";
import { isEnabled } from "./lock";
import { ldapFlavor, ldapSettingsSchema, type LdapSettings } from "./settings";

type Inputs = Omit<LdapAccountOutputs, (typeof ACCOUNT_OUTPUTS)[number]> & { adopted?: boolean };

/** sAMAccountName is limited to 20 characters; only an AD directory cares (module-level: built once). */
const adFields: ExtraFields = (z) => ({
  userName: z.string().min(1).max(20, "AD sAMAccountName allows at most 20 characters"),
});

const settings = () => appSettingsStore<LdapSettings>("ldap").get();

export const ldapAccountProvider: pulumi.dynamic.ResourceProvider<Inputs, LdapAccountOutputs> = {
  async configure(req) {
    appSettingsStore<LdapSettings>("ldap").set(readAppSettings(req, "ldap", ldapSettingsSchema));
  },

  async check(_olds, news) {
    return checkAccountInputs(news, ldapFlavor() === "ad" ? adFields : undefined);
  },

  async diff(_id, olds, news) {
    return diffAccount("ldap", olds, news, { pending: managerPending(olds, news) });
  },

  async create(inputs) {
    const config = settings();
    return withLdap(config, async (session) => {
      const existing = await findForAdoption(session, config, inputs);
      if (existing) {
        const { dn, managerDn } = await convergeAccount(session, config, existing, inputs);
        return { id: inputs.employeeId, outs: { ...inputs, dn, managerDn, adopted: true } };
      }
      const { dn, managerDn, initialPassword } = await addAccount(session, config, inputs);
      return { id: inputs.employeeId, outs: { ...inputs, dn, managerDn, adopted: false, initialPassword } };
    });
  },

  async read(id, props) {
    // Without state there is nothing to read, as in every app: import is not supported (declare the person and
    // create adopts the entry by employee id, login or email).
    if (!props) return { id: "" };
    const config = settings();
    return withLdap(config, async (session) => {
      const entry = await findByEmployeeId(session, config, props.employeeId ?? id);
      if (!entry) return { id: "" };
      const groups = (await groupNamesOf(session, config, entry.dn)).map((group) => group.name);
      const managerDn = entry.attrs["manager"]?.[0];
      let managerEmployeeId = props.managerEmployeeId;
      if (managerDn?.toLowerCase() !== props.managerDn?.toLowerCase()) {
        const attribute = employeeIdAttribute(config.flavor);
        const [manager] = managerDn ? await session.search(managerDn, "(objectClass=*)", [attribute], "base") : [];
        managerEmployeeId = manager?.attrs[attribute.toLowerCase()]?.[0];
      }
      return { id, props: readBack(props, entry, config.flavor, { groups, managerEmployeeId }) };
    });
  },

  async update(id, olds, news) {
    // Fields only policies and the audit read (apps/shared/account-fields.ts) change the state, not the directory.
    if (!appWork("ldap", olds, news, { pending: managerPending(olds, news) })) {
      return { outs: recordOnlyOutputs("ldap", olds, news) };
    }
    const config = settings();
    return withLdap(config, async (session) => {
      const entry = await findByEmployeeId(session, config, olds.employeeId ?? id);
      if (!entry) {
        throw new LdapError("LDAP_ACCOUNT_GONE", `the entry of employee ${id} is no longer in ${config.peopleDN}`, {
          fix: "Run `idlc refresh` so the next update recreates (or adopts) it.",
          context: { employeeId: id },
        });
      }
      const { dn, managerDn } = await convergeAccount(session, config, entry, news);
      return { outs: { ...news, dn, managerDn, adopted: olds.adopted, initialPassword: olds.initialPassword } };
    });
  },

  async delete(id, props) {
    const config = settings();
    await withLdap(config, async (session) => {
      const entry = await findByEmployeeId(session, config, props.employeeId ?? id);
      if (!entry) return;
      // The directory's state decides, not the last known one: never delete an account someone re-enabled.
      refuseEnabledDelete("ldap", { employeeId: props.employeeId ?? id, enabled: isEnabled(entry, config.flavor) });
      // Leave groups first: a directory without refint would otherwise keep dangling member values.
      await syncMemberships(session, config, entry.dn, [], props.employeeId ?? id);
      try {
        await session.remove(entry.dn);
      } catch (error) {
        if ((error as LdapError).resultCode !== 32) throw error;
      }
    });
  },
};

/** A manager who had no entry yet at the last update is looked up again. */
function managerPending(olds: LdapAccountOutputs, news: Inputs): boolean {
  return Boolean(news.managerEmployeeId) && !olds.managerDn;
}
