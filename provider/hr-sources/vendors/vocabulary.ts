/**
 * Vendor status and employment words → idlc's vocabulary. A word not known here passes through unchanged, so the
 * validation that follows reports it (file, row, column) instead of a guess being written.
 */

const statusWords: Record<string, string> = {
  active: "active",
  employed: "active",
  inactive: "terminated",
  terminated: "terminated",
  leave: "leave",
  "leave of absence": "leave",
  "garden leave": "leave",
  "on leave": "leave",
  onboarding: "pre-hire",
  hired: "pre-hire",
  accepted: "pre-hire",
  init: "pre-hire",
};

const employmentWords: Record<string, string> = {
  "full-time": "employee",
  "part-time": "employee",
  permanent: "employee",
  internal: "employee",
  employee: "employee",
  contractor: "contractor",
  "contingent worker": "contractor",
  contract: "contractor",
  external: "contractor",
  freelancer: "contractor",
  intern: "intern",
  internship: "intern",
  trainee: "intern",
  "salaried ft": "employee",
  "salaried pt": "employee",
  "hourly ft": "employee",
  "hourly pt": "employee",
};

const normal = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

/**
 * @param detail a second vendor word that can mean "on leave" (BambooHR's employment status).
 * An active person whose hire date is still ahead is `pre-hire`, as the demo export writes it.
 */
export function statusOf(
  word: string | undefined,
  ctx: { hireDate?: string; today: string; detail?: string },
): string | undefined {
  if (word === undefined) return undefined;
  const status = statusWords[normal(word)] ?? word;
  if (status !== "active") return status;
  if (ctx.detail !== undefined && statusWords[normal(ctx.detail)] === "leave") return "leave";
  return ctx.hireDate !== undefined && ctx.hireDate > ctx.today ? "pre-hire" : "active";
}

/** A leave word in an employment-status field says nothing of the contract: an employee. */
export function employmentTypeOf(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (statusWords[normal(word)] === "leave") return "employee";
  return employmentWords[normal(word)] ?? word;
}
