/**
 * Every way a pull can be partial or untrustworthy ends the same way: `idlc hr pull` exits non-zero, says why, and
 * the committed export is byte for byte unchanged. Throttling that clears within the budget converges instead,
 * with a bounded number of calls.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sandboxDir } from "../../sandbox";
import { hrProject, hrVendors, type HrProject, type Vendor } from "./project";

const projects = {} as Record<Vendor, HrProject>;
beforeAll(async () => {
  for (const vendor of hrVendors) projects[vendor] = await hrProject(vendor);
}, 60_000);
afterAll(async () => Promise.all(Object.values(projects).map((p) => p.stop())));
afterEach(() => {
  for (const p of Object.values(projects)) {
    p.twin.faults.clear();
    Object.assign(p.twin.listFaults, {
      restricted: new Set(),
      truncateAt: undefined,
      pageSize: undefined,
      repeatCursor: undefined,
    });
  }
});

async function refused(p: HrProject, ...extra: string[]) {
  const before = p.exported();
  const run = await p.idlc(["hr", "pull", "--stack", "demo", ...extra]);
  expect(run.code, run.stdout).toBe(1);
  expect(p.exported()).toBe(before);
  return run.stderr;
}

/** The field the credential may not read, in each vendor's own terms (HiBob: a whole category). */
const hidden: Record<Vendor, { restrict: string; field: string; grant: RegExp }> = {
  bamboohr: { restrict: "workEmail", field: "workEmail", grant: /access level that can view "workEmail"/ },
  hibob: { restrict: "work", field: "department", grant: /permission group that can view the "work" category/ },
  personio: { restrict: "email", field: "workEmail", grant: /whitelist the "email" attribute/ },
  rippling: {
    restrict: "departments.read",
    field: "department",
    grant: /give the API token the "departments.read" scope/,
  },
  workday: {
    restrict: "Supervisory_Organization",
    field: "department",
    grant: /add the column Supervisory_Organization/,
  },
};

describe("idlc hr pull refuses partial data and writes nothing", { timeout: 120_000 }, () => {
  it.each(hrVendors)(
    "%s: a field the credential may not read names the field, the count and the permission",
    async (vendor) => {
      const p = projects[vendor];
      p.twin.listFaults.restricted = new Set([hidden[vendor].restrict]);
      const stderr = await refused(p);
      expect(stderr).toContain(`did not let the credential read ${hidden[vendor].field} for 40 of 40 people`);
      expect(stderr).toMatch(hidden[vendor].grant);
    },
  );

  it("personio: paging that ends before metadata.total_elements is refused", async () => {
    projects.personio.twin.listFaults.pageSize = 10;
    projects.personio.twin.listFaults.truncateAt = 25;
    expect(await refused(projects.personio)).toContain("paging ended after 25 of 40 employees");
  });

  it.each(["bamboohr", "hibob", "rippling", "workday"] as const)(
    "%s: a list cut short trips the anomaly gate (people gone without a termination)",
    async (vendor) => {
      projects[vendor].twin.listFaults.truncateAt = 30;
      const stderr = await refused(projects[vendor]);
      expect(stderr).toContain("the export has 30 people, 25.0% fewer than the previous 40");
      expect(stderr).toMatch(/is gone from the export without a termination record/);
    },
  );

  it.each(["bamboohr", "rippling"] as const)("%s: a repeated cursor is refused instead of looping", async (vendor) => {
    Object.assign(projects[vendor].twin.listFaults, { pageSize: 10, repeatCursor: true });
    expect(await refused(projects[vendor])).toContain("HR_PULL_PAGING");
  });

  it("bamboohr: a server that pages by 7 is walked to the end (the export stays the same)", async () => {
    projects.bamboohr.twin.listFaults.pageSize = 7;
    const run = await projects.bamboohr.idlc(["hr", "pull", "--stack", "demo", "--check"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("6 API calls");
  });

  it.each(hrVendors)("%s: a refused credential (401) names the fix", async (vendor) => {
    const p = projects[vendor];
    const file = path.join(sandboxDir(p.dir), "sandbox.json");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace(p.twin.token, vendor === "bamboohr" ? "wrong" : "wrong:key"));
    try {
      const stderr = await refused(p);
      expect(stderr).toContain("HR_PULL_UNAUTHENTICATED");
      expect(stderr).toContain("idlc config set --secret identity:hrCredential");
    } finally {
      writeFileSync(file, good);
    }
  });

  it.each(hrVendors)("%s: a 429 storm with Retry-After converges in a bounded number of calls", async (vendor) => {
    const p = projects[vendor];
    p.twin.faults.set({ rateLimit: { count: 3, retryAfterSeconds: 1 } });
    p.twin.faults.resetLog();
    const run = await p.idlc(["hr", "pull", "--stack", "demo"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${vendor}: 40 people`);
    // Personio: the three 429s land on its auth call, then one list page; the others: one list call.
    const minimum = vendor === "personio" ? 2 : 1;
    expect(p.twin.faults.count()).toBe(minimum + 3);
  });

  it.each(hrVendors)("%s: 503 past the retry budget is refused after a bounded number of attempts", async (vendor) => {
    const p = projects[vendor];
    p.twin.faults.set({ serverError: { count: 100, status: 503 } });
    p.twin.faults.resetLog();
    const stderr = await refused(p);
    expect(stderr).toContain("HR_PULL_UNAVAILABLE");
    expect(p.twin.faults.count()).toBe(6);
  });

  it.each(hrVendors)("%s: half the company gone in HR trips the anomaly gate", async (vendor) => {
    const p = projects[vendor];
    const removed = p.twin.store
      .list()
      .slice(20)
      .map((person) => person.employeeId);
    const saved = removed.map((id) => p.twin.store.get(id)!);
    for (const id of removed) p.twin.store.remove(id);
    try {
      const stderr = await refused(p);
      expect(stderr).toMatch(/the export has 20 people, 50.0% fewer than the previous 40/);
    } finally {
      for (const person of saved) p.twin.store.upsert(person);
    }
  });
});
