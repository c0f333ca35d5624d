import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HrIssueCode, readHrExport } from "../../provider/hr";
import { readHrFile } from "../../provider/stack-files";
import { fixtures, happyRows, header } from "./helpers";

const csv = [header, ...happyRows].join("\n");
/** Bytes as a reader hands them over: decoded as UTF-8, invalid sequences become U+FFFD. */
const asRead = (bytes: Buffer) => bytes.toString("utf8");
const read = (text: string) => readHrExport({ file: "people.csv", text });

describe("not a text CSV: detected before parsing, named, never echoed", () => {
  it.each([
    [
      "an Excel workbook",
      Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000"), Buffer.from(csv)]),
      "looks like a zip file or an Excel workbook (.xlsx)",
    ],
    [
      "UTF-16 with a byte-order mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]),
      "looks like UTF-16",
    ],
    ["UTF-16 without one", Buffer.from(csv, "utf16le"), "looks like UTF-16"],
    ["random bytes", Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 151 + 7) % 256)), "looks binary"],
    [
      "a NUL in the middle of text",
      Buffer.from(`${csv}\nE4,Kay\u0000,Nygaard`),
      "looks binary (it contains NUL bytes)",
    ],
  ])("%s", (_, bytes, looks) => {
    const result = read(asRead(bytes));
    expect(result.people).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: "error", code: HrIssueCode.notText, file: "people.csv" });
    expect(result.issues[0]!.message).toMatch(new RegExp(`^not a text CSV: ${looks.replace(/[()]/g, "\\$&")}`));
    expect(result.issues[0]!.fix).toContain("Export as CSV, UTF-8");
    expect(JSON.stringify(result.issues)).not.toMatch(/\\u0000|\\ufffd|[\u0000-\u0008\ufffd]/);
  });

  it("a Windows-1252 export names the first line that is not UTF-8", () => {
    const row = "E4,Björn,Müller,bjoern@acme.test,Sales,E1,employee,active,2022-03-01,,";
    const latin1 = Buffer.from(`${csv}\n${row}`, "latin1");
    const [issue] = read(asRead(latin1)).issues;
    expect(issue).toMatchObject({ code: HrIssueCode.notText, row: 5 });
    expect(issue!.message).toBe(
      "not a text CSV: not UTF-8 (a legacy encoding such as Windows-1252 or Latin-1?), from line 5",
    );
  });

  it("the binary fixture is refused by file path too", () => {
    const file = path.join(fixtures, "binary-export.xlsx");
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    expect(readHrExport({ file, bytes: readHrFile(file) }).issues).toMatchObject([
      { code: HrIssueCode.notText, row: 1 },
    ]);
  });

  it("UTF-8 with a BOM, accents and a stray control character is text", () => {
    const text = `\ufeff${csv}\nE4,Zoë\u000b,Ñúñez,zoe@acme.test,Sales,E1,employee,active,2022-03-01,,\n\u001a`;
    const result = read(text);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.people.map((p) => p.lastName)).toEqual(["Lovelace", "Turing", "Hopper", "Ñúñez"]);
  });
});
