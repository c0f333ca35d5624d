/**
 * Workday RaaS twin (reference B.2): the report `idlc_People` of tenant `idlc_demo`, owner `ISU_idlc`, at
 * `/ccx/service/customreport2/{tenant}/{owner}/{report}?format=json` → `{Report_Entry: [...]}` keyed by the
 * report's column aliases; empty values left out of an entry as RaaS does; the ISU's user name and password over
 * HTTP Basic; no paging. A column the ISU's security group cannot see is left out of every entry.
 */
import { randomBytes } from "node:crypto";
import type { Express } from "express";
import { listed, type HrTwinFaults } from "./control-routes";
import type { HrPerson, HrStore } from "./people";
import { basicCredentials, serveHrTwin, type HrTwinOptions, type RunningHrTwin } from "./serve";

const reportPath = "/ccx/service/customreport2/idlc_demo/ISU_idlc/idlc_People";

export async function startWorkdayTwin(options: HrTwinOptions = {}): Promise<RunningHrTwin> {
  const user = "ISU_idlc";
  const password = randomBytes(16).toString("hex");
  const errorBody = (status: number, detail: string) => ({ error: detail, status });
  const twin = await serveHrTwin(
    {
      name: "hr-workday",
      token: `${user}:${password}`,
      errorBody,
      routes(app: Express, store: HrStore, faults: HrTwinFaults) {
        app.get(reportPath, (req, res) => {
          const given = basicCredentials(req.headers.authorization);
          if (given?.user !== user || given.password !== password) {
            return void res.status(401).json(errorBody(401, "invalid username or password"));
          }
          if (req.query.format !== "json")
            return void res.status(400).json(errorBody(400, "this twin serves format=json"));
          res.json({ Report_Entry: listed(store.list(), faults).map((p) => entry(p, faults.restricted)) });
        });
      },
    },
    options,
  );
  // Clients are given the report's own URL, as Workday's "View URLs" shows it.
  return { ...twin, url: `${twin.url}${reportPath}` };
}

/** A worker as a report row: aliases as keys, empty values and unviewable columns left out. */
function entry(p: HrPerson, restricted: Set<string>): Record<string, string> {
  const day = (date: string | undefined) => date && `${date}-08:00`;
  const row: Record<string, string | undefined> = {
    Employee_ID: p.employeeId,
    Legal_First_Name: p.firstName,
    Legal_Last_Name: p.lastName,
    Preferred_First_Name: p.preferredName,
    Email_Primary_Work: p.workEmail,
    Business_Title: p.title,
    Supervisory_Organization: p.department,
    Location: p.location,
    Manager_ID: p.managerId,
    Worker_Type: { contractor: "Contingent Worker", intern: "Intern" }[p.employmentType] ?? "Employee",
    Active_Status: p.status === "terminated" ? "0" : "1",
    On_Leave: p.status === "leave" ? "1" : "0",
    Hire_Date: day(p.hireDate),
    Termination_Date: day(p.terminationDate),
    End_Employment_Date: day(p.endDate),
    Last_Functionally_Updated: new Date(p.changedAt).toISOString(),
  };
  return Object.fromEntries(
    Object.entries(row).filter(
      (kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== "" && !restricted.has(kv[0]),
    ),
  );
}
