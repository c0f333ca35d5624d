import { describe, expect, it } from "vitest";
import { allApps, HrIssueCode } from "../../provider/hr";
import { errorsOf, happyRows, header, readRows } from "./helpers";

const misspelt = header.replace("work_email", "emial");

describe("headers: unknown ones are reported, a field the apps need is required", () => {
  it("a misspelt work email header is an error naming the apps that need it, with did-you-mean", () => {
    const result = readRows(happyRows, { apps: allApps }, misspelt);
    expect(result.people).toEqual([]);
    const [error, ...rest] = errorsOf(result);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: HrIssueCode.columnMissing, row: 1, column: "work_email" });
    expect(error!.message).toBe(
      'missing required column "work_email" for workEmail, which entra, google, slack, ' +
        'scim, ldap need (did you mean "emial"?)',
    );
    expect(error!.fix).toBe('Add the column, or map it with identity:hr mapping: { workEmail: "emial" }.');
    // Cited by the error, the header is not warned about a second time.
    expect(result.issues.filter((i) => i.code === HrIssueCode.columnUnknown)).toEqual([]);
  });

  it("only the stack's apps count: a stack that provisions no app needing an email is not stopped", () => {
    expect(errorsOf(readRows(happyRows, { apps: [] }, misspelt))).toEqual([]);
    const [error] = errorsOf(readRows(happyRows, { apps: ["slack"] }, misspelt));
    expect(error!.message).toContain("for workEmail, which slack needs");
  });

  it("without apps (readers that only look) a misspelt optional header is a did-you-mean warning", () => {
    const result = readRows(happyRows, {}, misspelt);
    expect(errorsOf(result)).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.columnUnknown, column: "emial" }]);
    expect(result.issues[0]!.message).toBe(
      'header "emial" is not a column idlc knows: did you mean "work_email" (workEmail)?',
    );
    expect(result.people[0]!.workEmail).toBeUndefined();
  });

  it("columns HR systems add are listed in one warning, never an error", () => {
    const result = readRows(
      happyRows.map((r) => `${r},x,y`),
      { apps: allApps },
      `${header},Pay Rate,Ethnicity`,
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.columnsIgnored, row: 1 }]);
    expect(result.issues[0]!.message).toBe('2 columns are not read: "Pay Rate", "Ethnicity"');
  });

  it("a missing work email column with identity:roles emailDomain is generated, and said so", () => {
    const head = header.replace("work_email,", "");
    const rows = happyRows.map((r) => r.replace(/,[a-z]+@acme\.test/, ""));
    const result = readRows(rows, { apps: allApps, emailDomain: "acme.test" }, head);
    expect(errorsOf(result)).toEqual([]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.emailGenerated, row: 1 }]);
    expect(result.issues[0]!.message).toBe(
      "the export has no work email column: every address will be generated as first.last@acme.test",
    );
    const [error] = errorsOf(readRows(rows, { apps: allApps }, head));
    expect(error!.message).toContain('missing required column "work_email" for workEmail');
  });

  it("a misspelt work email column is an error even when addresses could be generated", () => {
    const [error] = errorsOf(readRows(happyRows, { apps: allApps, emailDomain: "acme.test" }, misspelt));
    expect(error!.message).toContain('(did you mean "emial"?)');
  });

  it("one person without a work email, with an emailDomain, gets a warning naming them", () => {
    const rows = happyRows.map((r, i) => (i === 1 ? r.replace("alan@acme.test", "") : r));
    const result = readRows(rows, { apps: allApps, emailDomain: "acme.test" });
    expect(result.issues).toMatchObject([
      { severity: "warning", code: HrIssueCode.emailGenerated, row: 3, column: "work_email" },
    ]);
    expect(result.issues[0]!.message).toBe(
      "E2 (Alan Turing) has no work email: an address will be generated from their name, first.last@acme.test",
    );
  });

  it("control characters in headers and values are escaped in messages", () => {
    const row = "E1,Ada,Lovelace,ada@acme.test,Eng,,employee,act\u001b[31mive,2020-01-15,,";
    const result = readRows([row], {}, `${header},\u202eevil`);
    const texts = result.issues.map((i) => `${i.message} ${i.fix}`);
    expect(texts.join(" ")).toContain('unknown status "act\\u{1b}[31mive"');
    expect(texts.join(" ")).toContain('"\\u{202e}evil"');
    for (const text of texts) expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});
