import { AccountStillEnabledError } from "./errors";

/**
 * The leaver safety rule: an account is deleted only after it was disabled (DESIGN.md §4.3), so a truncated HR
 * export can never mass-delete.
 * @throws AccountStillEnabledError
 */
export function refuseEnabledDelete(app: string, props: { employeeId?: unknown; enabled?: unknown }): void {
  if (props.enabled !== false)
    throw new AccountStillEnabledError(app, String(props.employeeId ?? "(unknown employee)"));
}
