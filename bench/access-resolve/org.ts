import type { ApprovalDef } from "../../provider/access";
import type { Person } from "../../provider/hr/person";

const departments = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "People",
  "IT",
  "Support",
  "Legal",
  "Product",
  "Operations",
];
const locations = ["London", "Berlin", "New York", "Madrid", "Paris", "Stockholm", "Prague", "Remote"];
const titles = ["Associate", "Specialist", "Senior Specialist", "Lead", "Manager", "Director"];
const apps = ["entra", "google", "slack", "scim", "ldap"] as const;

/** Deterministic pseudo-random numbers (mulberry32), so every run plans the same org. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic org: a management tree, ~5% contractors, a few per cent on leave, terminated or pre-hire, some HR roles. */
export function syntheticPeople(count: number): Person[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const id = `E${String(i).padStart(6, "0")}`;
    const r = rnd();
    const status = r < 0.02 ? "terminated" : r < 0.04 ? "leave" : r < 0.05 ? "pre-hire" : "active";
    const firstName = pick(["Jane", "John", "Ana", "Li", "Omar", "Sofia", "Lukas", "Priya", "Noah", "Zoë"]);
    const lastName = pick(["Doe", "Smith", "Garcia", "Chen", "Müller", "Okafor", "Rossi", "Kim", "Novak", "Haddad"]);
    people.push({
      employeeId: id,
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      // A third without a work email exercises generated names and collisions at scale.
      workEmail:
        rnd() < 0.66
          ? `${firstName}.${lastName}.${i}@example.com`.toLowerCase().replace("ë", "e").replace("ü", "u")
          : undefined,
      title: `${pick(titles)}`,
      department: pick(departments),
      location: pick(locations),
      costCenter: `CC-${Math.floor(rnd() * 40)}`,
      managerId: i === 0 ? undefined : `E${String(Math.floor(rnd() * Math.min(i, 2000))).padStart(6, "0")}`,
      employmentType: rnd() < 0.05 ? "contractor" : "employee",
      status,
      hireDate: `20${10 + Math.floor(rnd() * 16)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      terminationDate: status === "terminated" ? "2026-05-20" : undefined,
      endDate: undefined,
      roles: rnd() < 0.03 ? ["oncall"] : rnd() < 0.005 ? ["admin"] : [],
      source: { file: "people.csv", row: i + 2 },
    } as Person);
  }
  return people;
}

/** 50 roles over 5 apps, with inheritance, SoD, privileged roles, rules of every kind and time-bound grants; as roles YAML. */
export function syntheticRoles(count: number): string {
  const roles: string[] = [];
  const rules: string[] = [];
  const ent = (app: (typeof apps)[number], groups: string[], extra = "") =>
    `      ${app}: { ${app === "scim" ? "instance: github, " : ""}groups: [${groups.join(", ")}]${extra} }`;
  roles.push(
    "  - id: base\n    entitlements:\n" +
      [ent("slack", ["all"]), ent("google", ["everyone"], ", license: std")].join("\n"),
  );
  roles.push("  - id: contractor\n    entitlements:\n" + ent("slack", ["contractors"]));
  roles.push("  - id: oncall\n    entitlements:\n" + [ent("slack", ["oncall"]), ent("ldap", ["oncall"])].join("\n"));
  roles.push(
    "  - id: admin\n    privileged: true\n    requiresApproval: true\n    entitlements:\n" +
      [ent("google", ["admins"], ", admin: true"), ent("entra", ["admins"], ", admin: true")].join("\n"),
  );
  rules.push(
    "  - { id: staff, birthright: true, employmentTypes: [employee, intern], roles: [base] }",
    "  - { id: contractors, birthright: true, employmentTypes: [contractor], roles: [contractor] }",
  );
  for (const [d, dept] of departments.entries()) {
    const slug = dept.toLowerCase();
    roles.push(
      `  - id: ${slug}\n    inherits: [base]\n    entitlements:\n` + apps.map((app) => ent(app, [slug])).join("\n"),
    );
    roles.push(
      `  - id: ${slug}-leads\n    inherits: [${slug}]\n    conflictsWith: [${slug}-audit]\n    entitlements:\n` +
        [ent("google", [`${slug}-leads`]), ent("entra", [`${slug}-leads`], ", license: e5")].join("\n"),
    );
    roles.push(`  - id: ${slug}-audit\n    entitlements:\n` + ent("entra", [`${slug}-audit`]));
    rules.push(`  - { id: ${slug}, match: { department: ${dept} }, roles: [${slug}] }`);
    rules.push(
      `  - { id: ${slug}-leads, match: { department: ${dept}, titlePattern: "^(lead|manager|director)" }, roles: [${slug}-leads] }`,
    );
    if (d < 4) rules.push(`  - { id: ${slug}-cc, match: { costCenter: CC-${d} }, roles: [${slug}-audit] }`);
  }
  for (const city of locations) {
    const slug = city.toLowerCase().replace(/ /g, "-");
    roles.push(
      `  - id: site-${slug}\n    entitlements:\n` +
        [ent("google", [`site-${slug}`]), ent("ldap", [`site-${slug}`])].join("\n"),
    );
    rules.push(`  - { id: site-${slug}, match: { location: "${city}" }, roles: [site-${slug}] }`);
  }
  roles.push("  - id: exec-staff\n    entitlements:\n" + ent("slack", ["exec-staff"]));
  rules.push("  - { id: exec-staff, match: { reportsTo: E000001 }, roles: [exec-staff] }");
  // Seven project roles held through time-bound grants, a third of them expired on the plan's date.
  const grants: string[] = [];
  for (let p = 1; p <= 7; p++) {
    roles.push(
      `  - id: project-${p}\n    entitlements:\n` +
        [ent("slack", [`project-${p}`]), ent("scim", [`project-${p}`])].join("\n"),
    );
    for (let g = 0; g < 300; g++) {
      const id = `E${String((p * 7919 + g * 104729) % count).padStart(6, "0")}`;
      grants.push(`  - { employeeId: ${id}, role: project-${p}, until: 2026-0${1 + (g % 9)}-28 }`);
    }
  }
  return `roles:\n${roles.join("\n")}\nrules:\n${rules.join("\n")}\ngrants:\n${grants.join("\n")}\n`;
}

/** An approval for every admin, as a security team would record them. */
export function adminApprovals(people: readonly Person[]): ApprovalDef[] {
  return people
    .filter((p) => p.roles.includes("admin"))
    .map((p) => ({
      employeeId: p.employeeId,
      roleId: "admin",
      approver: "ciso@example.com",
      ticket: `SEC-${p.employeeId}`,
      date: "2025-01-01",
      source: { file: "approvals.yaml", row: 1 },
    }));
}
