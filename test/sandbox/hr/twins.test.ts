/**
 * The HR twins behave as the vendors document (reference/sspr-and-hr-apis.md part B): auth, paging limits,
 * restricted fields, inactive people, rate limits with the vendor's headers, and the `/_hr` control endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hrEmulators, personioEmployeeIdAttribute, startHrTwin, type RunningHrTwin } from "../../../sandbox/hr";

const basic = (credential: string) => `Basic ${Buffer.from(credential).toString("base64")}`;
const json = async (res: Response) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any });

describe("BambooHR twin", () => {
  let twin: RunningHrTwin;
  const get = (query: string, key = twin.token) =>
    fetch(`${twin.url}/api/v1/employees${query}`, { headers: { authorization: basic(`${key}:x`) } }).then(json);
  beforeAll(async () => void (twin = await startHrTwin("bamboohr")));
  afterAll(() => twin?.stop());

  it("refuses a wrong API key with 401 and a page[limit] above 2500 with 400", async () => {
    expect((await get("", "nope")).status).toBe(401);
    expect((await get("?page[limit]=2501")).status).toBe(400);
  });

  it("pages by cursor (default 250), returns Active and Inactive people, internal ids with reportsToId", async () => {
    const first = await get("?fields=employeeNumber,status,reportsToId&page[limit]=30");
    expect(first.body.data).toHaveLength(30);
    const next = await get(
      `?fields=employeeNumber,status,reportsToId&page[limit]=30&page[after]=${first.body.meta.page.nextCursor}`,
    );
    expect(next.body.data).toHaveLength(10);
    expect(next.body.meta.page.nextCursor).toBeNull();
    const all = [...first.body.data, ...next.body.data];
    expect(new Set(all.map((e: any) => e.status))).toEqual(new Set(["Active", "Inactive"]));
    const e002 = all.find((e: any) => e.employeeNumber === "E002");
    expect(all.find((e: any) => e.employeeId === e002.reportsToId).employeeNumber).toBe("E001");
  });

  it("returns a restricted field as null and lists it in _restrictedFields", async () => {
    twin.listFaults.restricted = new Set(["workEmail"]);
    try {
      const page = await get("?fields=employeeNumber,workEmail");
      expect(page.body._restrictedFields).toEqual(["workEmail"]);
      expect(page.body.data.every((e: any) => e.workEmail === null && e.employeeNumber)).toBe(true);
    } finally {
      twin.listFaults.restricted.clear();
    }
  });

  it("a termination through /_hr shows as Inactive and in employees/changed", async () => {
    const since = new Date().toISOString();
    const res = await fetch(`${twin.url}/_hr/people/E012/terminate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ date: "2026-12-02" }),
    });
    expect(res.status).toBe(200);
    const changed = await fetch(`${twin.url}/api/v1/employees/changed?since=${since}`, {
      headers: { authorization: basic(`${twin.token}:x`) },
    }).then(json);
    expect(Object.values(changed.body.employees)).toEqual([expect.objectContaining({ action: "Updated" })]);
    const e012 = (await get("?fields=employeeNumber,status,terminationDate")).body.data.find(
      (e: any) => e.employeeNumber === "E012",
    );
    expect(e012).toMatchObject({ status: "Inactive", terminationDate: "2026-12-02" });
  });
});

describe("HiBob twin", () => {
  let twin: RunningHrTwin;
  const search = (body: unknown) =>
    fetch(`${twin.url}/v1/people/search`, {
      method: "POST",
      headers: { authorization: basic(twin.token), "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(json);
  beforeAll(async () => void (twin = await startHrTwin("hibob", { perMinute: 4 })));
  afterAll(() => twin?.stop());

  it("answers active people unless showInactive, nested by category, without categories it may not view", async () => {
    const fields = ["root.id", "work.employeeIdInCompany", "internal.lifecycleStatus"];
    const active = await search({ fields });
    expect(active.body.employees.map((e: any) => e.internal.lifecycleStatus)).not.toContain("Terminated");
    twin.listFaults.restricted = new Set(["internal"]);
    const everyone = await search({ fields, showInactive: true });
    twin.listFaults.restricted.clear();
    expect(everyone.body.employees).toHaveLength(40);
    expect(everyone.body.employees[0]).toEqual({ id: expect.any(String), work: { employeeIdInCompany: "E001" } });
  });

  it("answers 429 with Retry-After and X-RateLimit-* past its per-minute limit", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof search>> | undefined;
    for (let i = 0; i < 4; i++) statuses.push((last = await search({ fields: ["root.id"] })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("x-ratelimit-limit")).toBe("4");
  });
});

describe("Personio twin", () => {
  let twin: RunningHrTwin;
  beforeAll(async () => void (twin = await startHrTwin("personio")));
  afterAll(() => twin?.stop());
  const token = async () => {
    const [id, secret] = twin.token.split(":");
    return (await fetch(`${twin.url}/v1/auth?client_id=${id}&client_secret=${secret}`, { method: "POST" }).then(json))
      .body.data.token as string;
  };
  const list = async (query: string, bearer?: string) =>
    fetch(`${twin.url}/v1/company/employees${query}`, {
      headers: { authorization: `Bearer ${bearer ?? (await token())}` },
    }).then(json);

  it("issues a papi- token for the right client only, and refuses lists without one", async () => {
    expect((await fetch(`${twin.url}/v1/auth?client_id=x&client_secret=y`, { method: "POST" })).status).toBe(401);
    expect(await token()).toMatch(/^papi-/);
    expect((await list("", "papi-forged")).status).toBe(401);
  });

  it("enforces limit ≤ 100, reports the total, and leaves out attributes not whitelisted", async () => {
    expect((await list("?limit=101")).status).toBe(400);
    twin.listFaults.restricted = new Set(["email"]);
    const page = await list("?limit=100&offset=0");
    twin.listFaults.restricted.clear();
    expect(page.body.metadata.total_elements).toBe(40);
    const first = page.body.data[0].attributes;
    expect(first.email).toBeUndefined();
    expect(first[personioEmployeeIdAttribute].value).toBe("E001");
    const e002 = page.body.data.find((d: any) => d.attributes[personioEmployeeIdAttribute].value === "E002").attributes;
    expect(e002.supervisor.value.attributes.id.value).toBe(first.id.value);
  });

  it("allows bursts of 15 per second, then 429", async () => {
    const bearer = await token();
    const statuses = await Promise.all(
      Array.from({ length: 17 }, () => list("?limit=1", bearer).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });
});

describe("Rippling twin", () => {
  let twin: RunningHrTwin;
  const get = (url: string, token = twin.token) =>
    fetch(url, { headers: { authorization: `Bearer ${token}` } }).then(json);
  beforeAll(async () => void (twin = await startHrTwin("rippling")));
  afterAll(() => twin?.stop());

  it("refuses a wrong token, caps limit at 100, and walks next_link cursors to the end", async () => {
    expect((await get(`${twin.url}/workers`, "nope")).status).toBe(401);
    expect((await get(`${twin.url}/workers?limit=101`)).status).toBe(400);
    const numbers: string[] = [];
    for (let url: string | null = `${twin.url}/workers?limit=15&expand=user`; url;) {
      const page = await get(url);
      numbers.push(...page.body.results.map((w: any) => w.number));
      url = page.body.next_link;
    }
    expect(numbers).toHaveLength(40);
    expect(new Set(numbers).size).toBe(40);
  });

  it("leaves out what the token's scopes cannot read, and expands only on request", async () => {
    twin.listFaults.restricted = new Set(["users.read"]);
    const page = await get(`${twin.url}/workers?limit=1&expand=user,department`);
    twin.listFaults.restricted.clear();
    expect(page.body.results[0].user).toBeUndefined();
    expect(page.body.results[0].department).toEqual({ id: expect.any(String), name: "Executive" });
    expect((await get(`${twin.url}/workers?limit=1`)).body.results[0].department).toBeUndefined();
  });
});

describe("Workday RaaS twin", () => {
  let twin: RunningHrTwin;
  const report = (query = "?format=json", credential = twin.token) =>
    fetch(`${twin.url}${query}`, { headers: { authorization: basic(credential) } }).then(json);
  beforeAll(async () => void (twin = await startHrTwin("workday")));
  afterAll(() => twin?.stop());

  it("serves the report at its customreport2 URL to the ISU only, as JSON", async () => {
    expect(twin.url).toMatch(/\/ccx\/service\/customreport2\/idlc_demo\/ISU_idlc\/idlc_People$/);
    expect((await report("?format=json", "ISU_idlc:wrong")).status).toBe(401);
    const { body } = await report();
    expect(body.Report_Entry).toHaveLength(40);
  });

  it("leaves empty values out of a row, and a column the ISU cannot see out of every row", async () => {
    const ceo = (await report()).body.Report_Entry.find((e: any) => e.Employee_ID === "E001");
    expect(ceo.Manager_ID).toBeUndefined();
    expect(ceo.Hire_Date).toMatch(/^\d{4}-\d{2}-\d{2}-08:00$/);
    twin.listFaults.restricted = new Set(["Email_Primary_Work"]);
    const rows = (await report()).body.Report_Entry;
    twin.listFaults.restricted.clear();
    expect(rows.some((e: any) => "Email_Primary_Work" in e)).toBe(false);
  });
});

describe("the twins' registry", () => {
  it("registers one sandbox emulator per vendor, each starting that vendor's twin", async () => {
    const names = ["hr-bamboohr", "hr-hibob", "hr-personio", "hr-rippling", "hr-workday"];
    expect(hrEmulators.map((e) => e.name)).toEqual(names);
    const started = await Promise.all(hrEmulators.map((e) => e.start({})));
    try {
      expect(started.map((t) => t.name)).toEqual(hrEmulators.map((e) => e.name));
    } finally {
      await Promise.all(started.map((t) => t.stop()));
    }
  });
});
