/**
 * Leavers and people on leave: a terminated or absent person has no enabled account, and a person on
 * leave has no sign-in rights or admin rights while away.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { accountOf, who } from "./accounts";

export const leaversDisabled: ResourceValidationPolicy = {
  name: "leavers-disabled",
  description: "A terminated or removed person has no enabled account and no admin rights.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account || (account.props.lifecycle !== "terminated" && account.props.lifecycle !== "removed")) return;
    const { app, props } = account;
    if (props.enabled !== false) {
      reportViolation(
        `${who(props)} left (${props.lifecycle}) and must have no enabled ${app} account; set enabled to false.`,
      );
    }
    if (props.admin === true) {
      reportViolation(
        `${who(props)} left (${props.lifecycle}) and must not keep admin rights in ${app}; remove the admin entitlement.`,
      );
    }
  },
};

export const leaveSuspended: ResourceValidationPolicy = {
  name: "leave-suspended",
  description: "A person on leave or not yet started has no sign-in rights.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const account = accountOf(args);
    if (!account || (account.props.lifecycle !== "leave" && account.props.lifecycle !== "pre-hire")) return;
    const { app, props } = account;
    if (props.enabled !== false) {
      reportViolation(
        `${who(props)} is ${props.lifecycle === "leave" ? "on leave" : "not started yet"} and must have a suspended ${app} account; set enabled to false.`,
      );
    }
  },
};
