import { describe, expect, it } from "vitest";
import {
  annotateSecrets,
  applyAdditionalSecretOutputs,
  decodeValue,
  deepEqual,
  encodeValue,
  hasUnknown,
  makeSecret,
  maskForDisplay,
  matchesReplaceOnChanges,
  parsePropertyPath,
  processIgnoreChanges,
  SECRET_SIG,
  SIG_KEY,
  strip,
  UNKNOWN,
} from "../../engine/properties";

const rot = {
  encrypt: (s: string) => `enc:${Buffer.from(s).toString("base64")}`,
  decrypt: (s: string) => Buffer.from(s.slice(4), "base64").toString(),
};

describe("secret wrappers", () => {
  it("strip removes every wrapper recursively", () => {
    expect(strip({ a: makeSecret({ b: makeSecret("x") }), c: [makeSecret(1)] })).toEqual({ a: { b: "x" }, c: [1] });
  });

  it("annotateSecrets re-wraps outputs whose input held a secret, recursing into plain objects", () => {
    const inputs = { pw: makeSecret("p"), nested: { k: makeSecret("v"), plain: 1 }, list: [makeSecret("a")] };
    const outputs = { pw: "p", nested: { k: "v", plain: 1 }, list: ["a"], extra: "e" };
    expect(annotateSecrets(outputs, inputs)).toEqual({
      pw: makeSecret("p"),
      nested: { k: makeSecret("v"), plain: 1 },
      list: makeSecret(["a"]),
      extra: "e",
    });
  });

  it("additionalSecretOutputs wraps output-only keys", () => {
    expect(applyAdditionalSecretOutputs({ token: "t", id: 1 }, ["token", "missing"])).toEqual({
      token: makeSecret("t"),
      id: 1,
    });
  });

  it("maskForDisplay hides secrets and unknowns", () => {
    expect(maskForDisplay({ a: makeSecret("x"), b: UNKNOWN, c: [1] })).toEqual({
      a: "[secret]",
      b: "[unknown]",
      c: [1],
    });
  });

  it("maskForDisplay copies a value only when something in it is masked, and never changes the value", () => {
    const plain = { a: "x", nested: { list: [1, { b: null }] } };
    expect(maskForDisplay(plain)).toBe(plain);
    const deep = { a: "x", nested: { list: [1, { b: makeSecret("s") }], other: [UNKNOWN] } };
    const before = structuredClone(deep);
    expect(maskForDisplay(deep)).toEqual({ a: "x", nested: { list: [1, { b: "[secret]" }], other: ["[unknown]"] } });
    expect(deep).toEqual(before);
    expect(maskForDisplay(UNKNOWN)).toBe("[unknown]");
  });

  it("hasUnknown sees unknowns inside secrets and arrays", () => {
    expect(hasUnknown({ a: [makeSecret(UNKNOWN)] })).toBe(true);
    expect(hasUnknown({ a: ["x"] })).toBe(false);
  });
});

describe("checkpoint encoding", () => {
  it("encrypts the JSON of the stripped value and decodes it back", () => {
    const value = { s: makeSecret({ n: makeSecret(2) }), plain: "p" };
    const encoded = encodeValue(value, rot) as any;
    expect(encoded.plain).toBe("p");
    expect(encoded.s[SIG_KEY]).toBe(SECRET_SIG);
    expect(rot.decrypt(encoded.s.ciphertext)).toBe('{"n":2}');
    expect(JSON.stringify(encoded)).not.toContain('"n":2');
    expect(decodeValue(encoded, rot)).toEqual({ s: makeSecret({ n: 2 }), plain: "p" });
  });

  it("accepts plaintext secrets from --show-secrets exports", () => {
    expect(decodeValue({ [SIG_KEY]: SECRET_SIG, plaintext: '"x"' }, rot)).toEqual(makeSecret("x"));
  });
});

describe("deepEqual", () => {
  it("ignores key order and secretness, not values", () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: makeSecret("x") }, { a: "x" })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe("ignoreChanges and replaceOnChanges", () => {
  it("parses property paths", () => {
    expect(parsePropertyPath('a.b[0]["c.d"]')).toEqual(["a", "b", 0, "c.d"]);
  });

  it("keeps old values at ignored paths, and drops keys absent in the old inputs", () => {
    const olds = { a: 1, nested: { x: 1, y: 1 } };
    const news = { a: 2, b: 3, nested: { x: 2, y: 2 } };
    expect(processIgnoreChanges(news, olds, ["a", "b", "nested.x"])).toEqual({ a: 1, nested: { x: 1, y: 2 } });
    expect(processIgnoreChanges(news, olds, ["*"])).toEqual(olds);
  });

  it("reports replaceOnChanges paths that changed", () => {
    expect(matchesReplaceOnChanges({ a: 1, b: { c: 1 } }, { a: 1, b: { c: 2 } }, ["a", "b.c"])).toEqual(["b.c"]);
    expect(matchesReplaceOnChanges({ a: 1 }, { a: 2 }, ["*"])).toEqual(["a"]);
  });
});
