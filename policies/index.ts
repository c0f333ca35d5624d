/**
 * @module policies
 * The idlc CrossGuard policy pack. Loading this file starts the analyzer (that is how `@pulumi/policy` works):
 * run it with `idlc preview --policy-pack policies` or `pulumi preview --policy-pack policies`.
 * Every rule's enforcement level and parameters come from policy config, so a team can start advisory and
 * switch to mandatory.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("idlc-identity", { policies });
