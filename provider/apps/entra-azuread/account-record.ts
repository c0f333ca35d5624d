/**
 * The whole AccountSpec of an azuread-mode Entra account, declared next to its `azuread.User`. The User carries
 * only what Entra stores; policies (lifecycle, grants, approvals, end dates) and the audit trail need the rest.
 * A component has no provider and no cloud effect, yet the engine hands its inputs to the policy analyzer and
 * stores them in state, so it is where that record can live.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountSpec } from "../../access";

/** Its type token; `policies/rules/azuread-accounts.ts` and `provider/audit/resources.ts` read it. */
export const AZUREAD_ACCOUNT_TYPE = "idlc:entra:AzureadAccount";

/**
 * Named like its User (`entra/<employeeId>`) and under the same parent: URNs include the type, so the two do not
 * collide, the User's URN stays what it was before records existed, and name-based joins keep working.
 */
export class AzureadAccount extends pulumi.ComponentResource {
  constructor(name: string, spec: AccountSpec, opts: pulumi.ComponentResourceOptions) {
    super(AZUREAD_ACCOUNT_TYPE, name, spec, opts);
    // Outputs as well as inputs: the engine gives stack policies a component's registered outputs, not its inputs.
    this.registerOutputs(spec);
  }
}
