import { describe, expect, it } from "vitest";
import { decodeExport, encodeExport, HrIssueCode, readHrExport } from "../../provider/hr";
import { happyRows, header } from "./helpers";

const csv = [header, ...happyRows].join("\n");
const row = (first: string, last: string, id = "E4") =>
  `${id},${first},${last},${id.toLowerCase()}@acme.test,Sales,E1,employee,active,2022-03-01,,`;
const readBytes = (bytes: Buffer, encoding?: string) => readHrExport({ file: "people.csv", bytes, encoding });
const errorsOf = (issues: { severity: string }[]) => issues.filter((i) => i.severity === "error");

describe("an export's bytes are decoded, never refused only for their encoding", () => {
  it("valid UTF-8 that holds a real U+FFFD (left by an earlier system) is read as it is", () => {
    const result = readBytes(Buffer.from(`${csv}\n${row("Jos\ufffd", "Garc\u00eda")}`, "utf8"));
    expect(result.issues).toEqual([]);
    expect(result.people.at(-1)).toMatchObject({ firstName: "Jos\ufffd", lastName: "García" });
  });

  it("Excel's Windows-1252 CSV is read with a warning that quotes the lines the guess decided", () => {
    const result = readBytes(Buffer.from(`${csv}\n${row("Björn", "Müller")}\n${row("Zoë", "Ñúñez", "E5")}`, "latin1"));
    expect(errorsOf(result.issues)).toEqual([]);
    expect(result.people.slice(3).map((p) => `${p.firstName} ${p.lastName}`)).toEqual(["Björn Müller", "Zoë Ñúñez"]);
    expect(result.issues).toMatchObject([{ severity: "warning", code: HrIssueCode.encodingGuessed, row: 5 }]);
    const [warning] = result.issues;
    expect(warning!.message).toContain('read as Windows-1252 (Excel\'s "CSV (Comma delimited)")');
    expect(warning!.message).toContain('line 5: "E4,Björn,Müller,');
    expect(warning!.message).toContain('line 6: "E5,Zoë,Ñúñez,');
    expect(warning!.fix).toContain("identity:hr encoding");
  });

  it("Windows-1252's own letters (€, Š, Ž, curly quotes) decode as Windows-1252, not Latin-1", () => {
    const bytes = Buffer.concat([Buffer.from(`${csv}\nE4,`), Buffer.from([0x8a, 0x61, 0x9a, 0x61]), Buffer.from(",O")]);
    const quoted = Buffer.concat([
      bytes,
      Buffer.from([0x92]),
      Buffer.from("Neil,e4@acme.test,Sales,E1,employee,active,2022-03-01,,"),
    ]);
    expect(readBytes(quoted).people.at(-1)).toMatchObject({ firstName: "Šaša", lastName: "O\u2019Neil" });
  });

  it("a declared encoding reads a Central-European export right, where the guess would not", () => {
    // "Łukasz Żak" in Windows-1250: Ł = 0xA3, Ż = 0xAF.
    const bytes = Buffer.concat([
      Buffer.from(`${csv}\nE4,`),
      Buffer.from([0xa3]),
      Buffer.from("ukasz,"),
      Buffer.from([0xaf]),
      Buffer.from("ak,e4@acme.test,Sales,E1,employee,active,2022-03-01,,"),
    ]);
    const declared = readBytes(bytes, "windows-1250");
    expect(declared.issues).toEqual([]);
    expect(declared.people.at(-1)).toMatchObject({ firstName: "Łukasz", lastName: "Żak" });
    const guessed = readBytes(bytes);
    expect(guessed.people.at(-1)).toMatchObject({ firstName: "£ukasz", lastName: "¯ak" });
    expect(guessed.issues).toMatchObject([{ code: HrIssueCode.encodingGuessed, row: 5 }]);
  });

  it("a file declared UTF-8 that is UTF-8 needs no warning; the label is case-free", () => {
    expect(readBytes(Buffer.from(`${csv}\n${row("Zoë", "Ñúñez")}`), "UTF-8").issues).toEqual([]);
  });

  it.each([
    ["an Excel workbook", Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000"), Buffer.from(csv)]), "a zip file"],
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]), "UTF-16"],
    ["a PDF", Buffer.from(`%PDF-1.7\n${"\u0001\u0002\u00ff".repeat(50)}`, "latin1"), "a PDF"],
  ])("%s is still refused, whatever encoding is declared", (_, bytes, looks) => {
    for (const encoding of [undefined, "windows-1250"]) {
      const result = readBytes(bytes, encoding);
      expect(result.people).toEqual([]);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ severity: "error", code: HrIssueCode.notText });
      expect(result.issues[0]!.message).toContain(looks);
    }
  });
});

describe("an export's text is encoded as its stack reads it back", () => {
  const text = "employeeId,firstName\nE1,José\nE2,Łukasz\n";

  it("writes UTF-8 when the stack names no encoding, and reads back the same text", () => {
    const { bytes, issues } = encodeExport(text, "people.csv");
    expect(issues).toEqual([]);
    expect(decodeExport(bytes!, "people.csv").text).toBe(text);
  });

  it("writes the declared encoding, byte for byte what that encoding decodes to the same text", () => {
    const { bytes, issues } = encodeExport(text, "people.csv", "windows-1250");
    expect(issues).toEqual([]);
    expect(bytes!.includes(0xa3)).toBe(true); // Ł in Windows-1250
    expect(decodeExport(bytes!, "people.csv", "windows-1250").text).toBe(text);
  });

  it("refuses a letter the declared encoding cannot hold, naming its line, instead of writing '?'", () => {
    const { bytes, issues } = encodeExport(text, "people.csv", "windows-1252");
    expect(bytes).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ severity: "error", code: HrIssueCode.encodingCannotHold, file: "people.csv", row: 3 }),
    ]);
    expect(issues[0]!.message).toContain('"E2,Łukasz"');
  });
});
