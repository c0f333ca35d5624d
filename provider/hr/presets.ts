import { z } from "zod";
import type { HrField } from "./fields";
import type { EmploymentType, HrStatus } from "./person";

export const PresetName = z.enum(["generic", "bamboohr", "workday", "rippling", "gusto", "personio", "hibob"]);
export type PresetName = z.infer<typeof PresetName>;

/**
 * A vendor's export dialect: header aliases per canonical field, best first (app-apis.md §6), and the few
 * vocabulary words where the vendor departs from the shared table. Every preset also accepts each field's
 * canonical name (`employeeId`, `workEmail`, …), so a hand-edited column never needs a mapping.
 */
export interface Preset {
  aliases: Partial<Record<HrField, string[]>>;
  statusWords?: Record<string, HrStatus>;
  employmentWords?: Record<string, EmploymentType>;
}

const generic: Preset = {
  aliases: {
    employeeId: ["employee_id", "employee number", "emp_id", "id"],
    firstName: ["first_name", "given name"],
    lastName: ["last_name", "surname", "family name"],
    preferredName: ["preferred_name", "preferred first name", "nickname"],
    workEmail: ["work_email", "email", "mail"],
    personalEmail: ["personal_email", "private email"],
    title: ["title", "job_title", "position"],
    department: ["department", "dept"],
    division: ["division"],
    location: ["location", "office", "site"],
    costCenter: ["cost_center", "cost centre"],
    managerId: ["manager_id", "manager", "manager email", "supervisor", "reports to"],
    employmentType: ["employment_type", "worker type", "type"],
    status: ["status", "employment status"],
    hireDate: ["hire_date", "start_date"],
    terminationDate: ["termination_date"],
    endDate: ["end_date", "contract_end_date"],
    roles: ["roles", "role_ids"],
  },
};

const bamboohr: Preset = {
  aliases: {
    employeeId: ["employeeNumber", "Employee #"],
    firstName: ["First Name"],
    lastName: ["Last Name"],
    preferredName: ["Preferred Name"],
    workEmail: ["Work Email"],
    personalEmail: ["homeEmail", "Home Email"],
    title: ["jobTitle", "Job Title"],
    department: ["Department"],
    division: ["Division"],
    location: ["Location"],
    costCenter: ["Cost Center"],
    managerId: [
      "supervisorEId",
      "Supervisor EID",
      "supervisorEmail",
      "Supervisor Email",
      "supervisorId",
      "Supervisor",
      "Reporting to",
      "Reports To",
    ],
    employmentType: ["employmentHistoryStatus", "Employment Status"],
    status: ["Status"],
    hireDate: ["Hire Date", "originalHireDate"],
    terminationDate: ["Termination Date"],
    endDate: ["Contract End Date"],
    roles: ["Roles"],
  },
};

const workday: Preset = {
  aliases: {
    employeeId: ["Employee_ID", "workerID", "Worker ID"],
    firstName: ["Legal_First_Name", "First Name"],
    preferredName: ["Preferred First Name"],
    lastName: ["Legal_Last_Name", "Last Name"],
    workEmail: ["primaryWorkEmail", "Email - Primary Work", "Work Email"],
    title: ["businessTitle", "Job Profile"],
    department: ["Supervisory Organization", "primarySupervisoryOrganization", "Department"],
    location: ["Location"],
    costCenter: ["Cost Center"],
    managerId: ["Manager_ID", "Manager Employee ID", "Manager"],
    employmentType: ["Worker Type", "Employee Type"],
    status: ["Worker Status", "Active Status", "Status"],
    hireDate: ["Hire_Date", "Start_Date"],
    terminationDate: ["Termination_Date"],
    endDate: ["End Employment Date", "Contract End Date"],
    roles: ["Roles"],
  },
};

const rippling: Preset = {
  aliases: {
    employeeId: ["employeeNumber", "Employee ID"],
    firstName: ["Legal first name", "First name"],
    preferredName: ["preferredFirstName", "Preferred first name"],
    lastName: ["Legal last name", "Last name"],
    workEmail: ["Work email"],
    personalEmail: ["Personal email"],
    title: ["title", "Job title"],
    department: ["department"],
    location: ["workLocation"],
    managerId: ["manager", "Manager email"],
    employmentType: ["Employment type"],
    status: ["roleState", "Status"],
    hireDate: ["startDate"],
    // Rippling's `endDate` is the termination date; a contract end has its own custom column.
    terminationDate: ["endDate", "Termination date"],
    endDate: ["Contract end date"],
    roles: ["Roles"],
  },
};

const gusto: Preset = {
  aliases: {
    employeeId: ["employee_code", "Employee ID"],
    firstName: ["first_name"],
    preferredName: ["preferred_first_name"],
    lastName: ["last_name"],
    workEmail: ["work_email"],
    // Gusto's `email` is the personal/login address, never the work mailbox.
    personalEmail: ["email", "Personal email"],
    title: ["title", "job_title"],
    department: ["department"],
    location: ["location", "Work location"],
    managerId: ["manager_id", "manager_uuid", "Manager"],
    employmentType: ["employment_type"],
    status: ["status", "Employment status"],
    hireDate: ["hire_date", "Start date"],
    terminationDate: ["termination_date", "Dismissal date"],
    endDate: ["contract_end_date"],
    roles: ["roles"],
  },
};

const personio: Preset = {
  aliases: {
    employeeId: ["id", "Personalnummer"],
    firstName: ["first_name", "Vorname"],
    preferredName: ["preferred_name", "Rufname"],
    lastName: ["last_name", "Nachname"],
    workEmail: ["email", "E-Mail"],
    title: ["position"],
    department: ["department", "Abteilung"],
    location: ["office", "Standort", "Büro"],
    costCenter: ["cost_centers", "Cost center", "Kostenstelle"],
    managerId: ["supervisor", "Vorgesetzte(r)", "Vorgesetzter"],
    employmentType: ["employment_type", "Beschäftigungsart"],
    status: ["status"],
    hireDate: ["hire_date", "Eintrittsdatum"],
    terminationDate: ["termination_date", "Austrittsdatum"],
    endDate: ["contract_end_date", "Vertragsende"],
    roles: ["roles", "Rollen"],
  },
  // Personio's employment type is internal/external; in German `intern` means in-house staff.
  employmentWords: { intern: "employee", extern: "contractor" },
};

const hibob: Preset = {
  aliases: {
    employeeId: ["work.employeeIdInCompany", "Employee ID"],
    firstName: ["firstName", "First name"],
    preferredName: ["Preferred name"],
    lastName: ["surname", "Last name"],
    workEmail: ["email"],
    title: ["work.title", "Job title"],
    department: ["work.department", "Department"],
    location: ["work.site", "Site"],
    costCenter: ["Cost center"],
    managerId: ["work.reportsTo", "Reports to"],
    employmentType: ["Employment type"],
    status: ["internal.lifecycleStatus", "Lifecycle status", "internal.status", "Status"],
    hireDate: ["work.startDate", "Start date"],
    terminationDate: ["internal.terminationDate", "Termination date"],
    endDate: ["Contract end date"],
    roles: ["Roles"],
  },
};

export const presets: Record<PresetName, Preset> = { generic, bamboohr, workday, rippling, gusto, personio, hibob };
