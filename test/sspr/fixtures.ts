/** A few subjects the sspr tests share: one of each lifecycle case the portal must tell apart. */
import type { Subject } from "../../provider/sspr";

export function subject(overrides: Partial<Subject> = {}): Subject {
  return {
    employeeId: "E100",
    firstName: "Ada",
    lastName: "Lovelace",
    displayName: "Ada Lovelace",
    userName: "ada.lovelace",
    workEmail: "ada.lovelace@example.com",
    recoveryEmail: "ada@home.example",
    lifecycle: "active",
    killSwitched: false,
    ...overrides,
  };
}

export const people: Subject[] = [
  subject(),
  subject({
    employeeId: "E200",
    firstName: "Lee",
    lastName: "Ver",
    displayName: "Lee Ver",
    userName: "lee.ver",
    workEmail: "lee.ver@example.com",
    recoveryEmail: "lee@home.example",
    lifecycle: "terminated",
  }),
  subject({
    employeeId: "E300",
    firstName: "Kim",
    lastName: "Kill",
    displayName: "Kim Kill",
    userName: "kim.kill",
    workEmail: "kim.kill@example.com",
    recoveryEmail: "kim@home.example",
    killSwitched: true,
  }),
  subject({
    employeeId: "E400",
    firstName: "Pat",
    lastName: "Leave",
    displayName: "Pat Leave",
    userName: "pat.leave",
    workEmail: "pat.leave@example.com",
    recoveryEmail: "pat@home.example",
    lifecycle: "leave",
  }),
  subject({
    employeeId: "E500",
    firstName: "Pre",
    lastName: "Hire",
    displayName: "Pre Hire",
    userName: "pre.hire",
    workEmail: "pre.hire@example.com",
    recoveryEmail: "pre@home.example",
    lifecycle: "pre-hire",
  }),
];
