/**
 * @module sandbox/hr
 * Twins of the HR systems `idlc hr pull` reads — BambooHR, HiBob, Personio, Rippling, Workday — serving the demo
 * company (the 40 people of `stacks/demo/people.csv`) with each vendor's auth, paging, field names, restricted-field
 * behaviour, rate limits and fault injection (`/_faults`), plus `/_hr` to act as the HR admin (terminate someone,
 * add a joiner, change a mover) and to break the list (restricted fields, paging cut short, a repeated cursor).
 */
import type { EmulatorDefinition } from "../registry";
import { startBambooHrTwin } from "./bamboohr";
import { startHiBobTwin } from "./hibob";
import { startPersonioTwin } from "./personio";
import { startRipplingTwin } from "./rippling";
import { startWorkdayTwin } from "./workday";

import type { HrTwinOptions, RunningHrTwin } from "./serve";

export { personioEmployeeIdAttribute } from "./personio";
export type { RunningHrTwin, HrTwinOptions } from "./serve";
export type { HrStore, HrPerson } from "./people";
export type { HrTwinFaults } from "./control-routes";

/** What any twin accepts; each reads only its own extras (BambooHR's `apiKey`, HiBob's `perMinute`). */
export interface HrTwinStartOptions extends HrTwinOptions {
  /** BambooHR: the API key it accepts. */
  apiKey?: string;
  /** HiBob: people-search requests allowed per minute (default 50). */
  perMinute?: number;
}

const starters = {
  bamboohr: startBambooHrTwin,
  hibob: startHiBobTwin,
  personio: startPersonioTwin,
  rippling: startRipplingTwin,
  workday: startWorkdayTwin,
} satisfies Record<string, (options?: HrTwinStartOptions) => Promise<RunningHrTwin>>;

export type HrTwinVendor = keyof typeof starters;
/** Every vendor with a twin, in a stable order. */
export const hrTwinVendors = Object.keys(starters) as HrTwinVendor[];

/** Starts one vendor's twin on 127.0.0.1 (the demo company unless `options.people` gives another). */
export function startHrTwin(vendor: HrTwinVendor, options: HrTwinStartOptions = {}): Promise<RunningHrTwin> {
  return starters[vendor](options);
}

export const hrEmulators: EmulatorDefinition[] = hrTwinVendors.map((vendor) => ({
  name: `hr-${vendor}`,
  start: (options) => startHrTwin(vendor, options),
}));
