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

export { startBambooHrTwin, startHiBobTwin, startPersonioTwin, startRipplingTwin, startWorkdayTwin };
export { personioEmployeeIdAttribute } from "./personio";
export type { RunningHrTwin, HrTwinOptions } from "./serve";
export type { HrStore, HrPerson } from "./people";
export type { HrTwinFaults } from "./control-routes";

export const hrEmulators: EmulatorDefinition[] = [
  { name: "hr-bamboohr", start: (options) => startBambooHrTwin(options) },
  { name: "hr-hibob", start: (options) => startHiBobTwin(options) },
  { name: "hr-personio", start: (options) => startPersonioTwin(options) },
  { name: "hr-rippling", start: (options) => startRipplingTwin(options) },
  { name: "hr-workday", start: (options) => startWorkdayTwin(options) },
];
