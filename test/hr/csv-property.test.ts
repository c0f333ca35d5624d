import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PresetName, readHrExport } from "../../provider/hr";
import { happyRows, header } from "./helpers";

const valid = [header, ...happyRows].join("\n");
const alphabet = [
  ",",
  ";",
  "\t",
  '"',
  "\n",
  "\r",
  "\uFEFF",
  " ",
  "a",
  "1",
  "-",
  "/",
  ".",
  "@",
  "0000-00-00",
  "E1",
  "active",
];

/** A mutation of the valid export: a slice of it cut, duplicated or overwritten with noise. */
const mutated = fc
  .tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 20 }))
  .map(([a, b, noise]) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    return valid.slice(0, from) + noise + valid.slice(to);
  });
const arbitraryText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), mutated);

describe("the parser never throws", () => {
  it("every input yields people or issues, and only complete people", () => {
    fc.assert(
      fc.property(
        arbitraryText,
        fc.constantFrom(...PresetName.options),
        fc.option(fc.constantFrom("dd.MM.yyyy", "MM/dd/yyyy")),
        (text, preset, dateFormat) => {
          const { people, issues } = readHrExport({
            file: "fuzz.csv",
            text,
            preset,
            dateFormat: dateFormat ?? undefined,
            allowedDomains: ["acme.test"],
          });
          expect(people.length + issues.length).toBeGreaterThan(0);
          for (const p of people) {
            expect(p.employeeId).not.toBe("");
            expect(p.firstName).not.toBe("");
            expect(p.source.row).toBeGreaterThanOrEqual(2);
          }
          for (const i of issues) expect(i.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
