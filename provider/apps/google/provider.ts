/**
 * The GoogleAccount dynamic provider. Pulumi serializes this object into every resource's state, so it reaches
 * only lean local modules (no third-party import at any top level) and reads credentials in `configure` only.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access/account-spec";
import { appWork, checkAccountInputs, diffAccount, readAppSettings, recordOnlyOutputs } from "../shared";
import type { GoogleAccountOutputs } from "./account-mapping";
import { createAccount, deleteAccount, readAccount, updateAccount } from "./account-sync";
import { googleSession, openGoogleSession } from "./session";
import { googleSettingsSchema } from "./settings";

export const googleAccountProvider: pulumi.dynamic.ResourceProvider<AccountSpec, GoogleAccountOutputs> = {
  async configure(req) {
    openGoogleSession(readAppSettings(req, "google", googleSettingsSchema));
  },

  async check(_olds, news) {
    const { failures } = checkAccountInputs(news);
    return { inputs: news, failures };
  },

  async diff(_id, olds, news) {
    return diffAccount("google", olds, news);
  },

  async create(inputs) {
    const outs = await createAccount(googleSession(), inputs);
    return { id: outs.googleId, outs };
  },

  async read(id, props) {
    const outs = props ? await readAccount(googleSession(), id, props) : undefined;
    // An empty id tells the engine the user is gone, which drops it from the state.
    return outs ? { id, props: outs } : { id: "" };
  },

  /** Fields only policies and the audit read (apps/shared/account-fields.ts) change the state, not Google. */
  async update(_id, olds, news) {
    if (!appWork("google", olds, news)) return { outs: recordOnlyOutputs("google", olds, news) };
    return { outs: await updateAccount(googleSession(), olds, news) };
  },

  /** Only a suspended account is deleted; Google keeps it restorable for 20 days. */
  async delete(_id, props) {
    await deleteAccount(googleSession(), props);
  },
};
