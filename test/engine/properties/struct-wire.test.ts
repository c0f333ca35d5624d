import { describe, expect, it } from "vitest";
import { resproto, structproto } from "../../../engine/host/proto";
import { readRegistration } from "../../../engine/monitor/registration";
import {
  decodeStruct,
  encodeStruct,
  makeSecret,
  ProtoWriter,
  shareString,
  shareStringsIn,
  splitFields,
  stripMap,
  UNKNOWN,
  wireFields,
  type PropertyMap,
} from "../../../engine/properties";

const provider = `exports.handler = __f0;\n${"function __f0() { return 'x'; }\n".repeat(100)}`;

const sample = (): PropertyMap => ({
  __provider: provider,
  key: "item-7",
  empty: "",
  unicode: "Zoë Ünal — 日本 🚀",
  n: 0,
  neg: -12.5,
  big: 2 ** 53 - 1,
  yes: true,
  no: false,
  nothing: null,
  unknown: UNKNOWN,
  list: [1, "two", [3], { four: 4 }, null, []],
  nested: { a: { b: { c: "deep" } }, e: {} },
  // A field long enough that its length takes a two-byte varint, nested inside a list and a struct.
  long: [{ text: "x".repeat(300) }],
});

/** What google-protobuf makes of bytes (the SDK and the provider host decode with it). */
const jspbDecode = (bytes: Uint8Array) => structproto.Struct.deserializeBinary(bytes).toJavaScript();

describe("Struct wire encoding (engine/properties/struct-wire)", () => {
  it("encodes what google-protobuf decodes to the same values, and decodes google-protobuf's bytes", () => {
    const map = sample();
    expect(jspbDecode(encodeStruct(map, "plain"))).toEqual(map);
    expect(decodeStruct(structproto.Struct.fromJavaScript(map as never).serializeBinary())).toEqual(map);
    expect(decodeStruct(encodeStruct(map, "plain"))).toEqual(map);
  });

  it("sends a secret's value when stripped and the wrapper when plain", () => {
    const map = { ...sample(), password: makeSecret("hunter2"), nested: { token: makeSecret({ t: [1] }) } };
    expect(jspbDecode(encodeStruct(map, "stripped"))).toEqual(stripMap(map));
    expect(jspbDecode(encodeStruct(map, "plain"))).toEqual(map);
    expect(encodeStruct(map, "plain").equals(encodeStruct(map, "stripped"))).toBe(false);
  });

  it("encodes a map once per mode, and once for both when it holds no secret", () => {
    const map = sample();
    const stripped = encodeStruct(map, "stripped");
    expect(encodeStruct(map, "stripped")).toBe(stripped);
    expect(encodeStruct(map, "plain")).toBe(stripped);
    expect(encodeStruct({ ...map }, "plain")).not.toBe(stripped);
  });

  it("leaves out undefined properties and sends an undefined array element as null (the JSON round trip)", () => {
    expect(jspbDecode(encodeStruct({ a: undefined, b: [undefined, 1] }, "plain"))).toEqual({ b: [null, 1] });
  });

  it("refuses a value protobuf cannot carry, naming its type", () => {
    expect(() => encodeStruct({ f: () => 1 }, "plain")).toThrow(/a function cannot be sent/);
    expect(() => encodeStruct({ n: 1n }, "plain")).toThrow(/a bigint cannot be sent/);
  });

  it("fails on truncated bytes instead of guessing", () => {
    const bytes = encodeStruct(sample(), "plain");
    // The first field is the provider text: cut inside it.
    expect(() => decodeStruct(bytes.subarray(0, 100))).toThrow(/truncated/);
  });
});

describe("protobuf wire helpers (engine/properties/proto-wire)", () => {
  it("writes nested messages whose lengths need one, two and three bytes", () => {
    for (const size of [5, 200, 20_000]) {
      const w = new ProtoWriter();
      const outer = w.begin(1);
      w.string(2, "y".repeat(size));
      w.end(outer).uint(3, 1);
      const bytes = w.finish();
      const fields = [...wireFields(bytes)];
      expect(fields.map((f) => f.field)).toEqual([1, 3]);
      const inner = [...wireFields(bytes, fields[0]!.valueStart, fields[0]!.end)];
      expect(bytes.toString("utf8", inner[0]!.valueStart, inner[0]!.end)).toBe("y".repeat(size));
      expect(w.finish().length).toBe(0);
    }
  });

  it("writes strings as google-protobuf does: ASCII and not, around the one-byte length limit", () => {
    const { BinaryWriter } = require("google-protobuf") as typeof import("google-protobuf");
    const strings = ["", "a", "x".repeat(127), "x".repeat(128), "é", `${"x".repeat(126)}é`, `é${"x".repeat(127)}`];
    for (const value of [...strings, "Zoë Ünal — 日本 🚀", "\u0000\u007f", "x".repeat(20_000)]) {
      const reference = new BinaryWriter();
      reference.writeString(3, value);
      const bytes = new ProtoWriter().uint(1, 5).string(3, value).finish().subarray(2);
      expect(Buffer.from(bytes).equals(Buffer.from(reference.getResultBuffer()))).toBe(true);
    }
  });

  it("splits taken and dropped fields out and keeps the rest in order", () => {
    const w = new ProtoWriter().string(1, "a").string(5, "taken").string(7, "b");
    const bytes = w.string(9, "dropped").uint(10, 3).finish();
    const { taken, rest } = splitFields(bytes, [5], [9]);
    expect(Buffer.from(taken.get(5)!).toString()).toBe("taken");
    expect([...wireFields(rest)].map((f) => f.field)).toEqual([1, 7, 10]);
  });
});

describe("readRegistration (engine/monitor/registration)", () => {
  it("reads what the SDK sends, without its stack trace, the same as the generated class", () => {
    const inputs = { ...sample(), password: makeSecret("hunter2") };
    const req = new resproto.RegisterResourceRequest()
      .setType("pulumi-nodejs:dynamic/bench:Item")
      .setName("item-7")
      .setParent("urn:pulumi:bench::p::pulumi:pulumi:Stack::p-bench")
      .setCustom(true)
      .setObject(structproto.Struct.fromJavaScript(inputs as never))
      .setDependenciesList(["urn:a", "urn:b"])
      .setIgnorechangesList(["value"])
      .setAdditionalsecretoutputsList(["key"])
      .setProtect(true)
      .setDeletedwith("urn:c");
    const deps = new resproto.RegisterResourceRequest.PropertyDependencies().setUrnsList(["urn:a"]);
    req.getPropertydependenciesMap().set("value", deps);
    const sdkSourceproto = require("@pulumi/pulumi/proto/source_pb");
    req.setSourceposition(new sdkSourceproto.SourcePosition().setUri("file:///index.js").setLine(3));
    req.setStacktrace(new sdkSourceproto.StackTrace().setFramesList([new sdkSourceproto.StackFrame()]));
    const reg = readRegistration(req.serializeBinary());
    expect(reg.inputs).toEqual(inputs);
    expect(reg).toMatchObject({
      type: "pulumi-nodejs:dynamic/bench:Item",
      name: "item-7",
      parent: "urn:pulumi:bench::p::pulumi:pulumi:Stack::p-bench",
      custom: true,
      dependencies: ["urn:a", "urn:b"],
      propertyDependencies: { value: ["urn:a"] },
      ignoreChanges: ["value"],
      additionalSecretOutputs: ["key"],
      protect: true,
      deletedWith: "urn:c",
    });
  });

  it("reads a registration without inputs as an empty map", () => {
    const req = new resproto.RegisterResourceRequest().setType("pulumi:pulumi:Stack").setName("p-bench");
    expect(readRegistration(req.serializeBinary()).inputs).toEqual({});
  });
});

describe("decoded maps keep their bytes (engine/properties/struct-wire)", () => {
  it("sends a decoded map on in the bytes it came in, in both modes when it holds no secret", () => {
    const bytes = structproto.Struct.fromJavaScript(sample() as never).serializeBinary();
    const map = decodeStruct(bytes);
    expect(Buffer.from(encodeStruct(map, "stripped")).equals(Buffer.from(bytes))).toBe(true);
    expect(encodeStruct(map, "plain")).toBe(encodeStruct(map, "stripped"));
  });

  it("strips a decoded map that holds a secret before sending it to a provider", () => {
    const withSecret = { ...sample(), password: makeSecret("hunter2") };
    const map = decodeStruct(structproto.Struct.fromJavaScript(withSecret as never).serializeBinary());
    expect(jspbDecode(encodeStruct(map, "plain"))).toEqual(withSecret);
    expect(jspbDecode(encodeStruct(map, "stripped"))).toEqual(stripMap(withSecret));
  });
});

describe("long strings are shared (engine/properties/share-strings)", () => {
  // JavaScript cannot observe which copy of a string it holds; the memory it saves is measured by bench/engine.
  it("returns the same text, for long and short strings, also past the table's window", () => {
    const bytes = encodeStruct({ __provider: provider, key: "k" }, "plain");
    expect(decodeStruct(bytes)).toEqual({ __provider: provider, key: "k" });
    const texts = Array.from({ length: 100 }, (_, i) => `${i}:${provider}`);
    for (const t of [...texts, ...texts]) expect(shareString(t)).toBe(t);
    expect(shareString("short")).toBe("short");
  });

  it("swaps a parsed checkpoint value's long strings in place without changing any value", () => {
    const text = JSON.stringify({ __provider: provider, deep: { list: [provider, 1, null, "s", [provider]] }, n: 2 });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    shareStringsIn(parsed);
    expect(parsed).toEqual(JSON.parse(text));
    for (const scalar of [null, undefined, "text", 3]) expect(() => shareStringsIn(scalar)).not.toThrow();
  });
});
