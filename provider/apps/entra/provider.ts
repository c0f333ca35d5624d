/**
 * The EntraAccount dynamic provider. Pulumi serializes this object into every resource's state, so it reaches
 * only lean local modules (no third-party import at any top level) and reads credentials in `configure` only.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  appWork,
  checkAccountInputs,
  diffAccount,
  readAppSettings,
  recordOnlyOutputs,
  type ExtraFields,
} from "../shared";
import type { EntraAccountInputs, EntraAccountOutputs } from "./account-mapping";
import { createAccount, deleteAccount, readAccount, updateAccount } from "./account-sync";
import { entraSession, openEntraSession } from "./session";
import { entraSettingsSchema } from "./settings";

/** Entra's own input rules (a module-level function: `checkAccountInputs` builds its schema once). */
const entraFields: ExtraFields = (z) => ({
  employeeId: z.string().min(1).max(16, "Entra's employeeId holds at most 16 characters"),
  hireDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "expected an ISO date")
    .optional(),
});

export const entraAccountProvider: pulumi.dynamic.ResourceProvider<EntraAccountInputs, EntraAccountOutputs> = {
  async configure(req) {
    openEntraSession(readAppSettings(req, "entra", entraSettingsSchema));
  },

  async check(_olds, news) {
    const { failures } = checkAccountInputs(news, entraFields);
    return { inputs: news, failures };
  },

  async diff(_id, olds, news) {
    return diffAccount("entra", olds, news);
  },

  async create(inputs) {
    const outs = await createAccount(entraSession(), inputs);
    return { id: outs.entraId, outs };
  },

  async read(id, props) {
    const outs = props ? await readAccount(entraSession(), id, props) : undefined;
    // An empty id tells the engine the user is gone, which drops it from the state.
    return outs ? { id, props: outs } : { id: "" };
  },

  /** Fields only policies and the audit read (apps/shared/account-fields.ts) change the state, not Entra. */
  async update(_id, olds, news) {
    if (!appWork("entra", olds, news)) return { outs: recordOnlyOutputs("entra", olds, news) };
    return { outs: await updateAccount(entraSession(), olds, news) };
  },

  /** Only a disabled account is deleted; it stays restorable in deleted items for 30 days. */
  async delete(_id, props) {
    await deleteAccount(entraSession(), props);
  },
};
