import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FramedMessage, frameWritten } from "../../../engine/grpc";
import { frame } from "../../../engine/grpc/frames";
import { provproto, resproto, structproto } from "../../../engine/host/proto";
import { writeCheckRequest, writeDiffRequest, type ResourceRef } from "../../../engine/host/provider-requests";
import { registerResourceResponse } from "../../../engine/monitor/server";
import {
  annotateSecrets,
  decodeStruct,
  encodeStruct,
  makeSecret,
  ProtoWriter,
  stripMap,
  UNKNOWN,
  type PropertyMap,
} from "../../../engine/properties";

/**
 * Real identity-stack resources (an up of the 2,000-person benchmark stack: four account kinds and a group, each
 * with its ~3.4 KB serialized provider), their secrets as the engine holds them after decryption.
 */
interface FixtureResource {
  urn: string;
  type: string;
  id: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
}
const resources = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/identity-resources.json"), "utf8"),
) as FixtureResource[];

const refOf = (r: FixtureResource): ResourceRef => ({ urn: r.urn, type: r.type, name: r.urn.split("::").at(-1)! });

/** Each resource's program inputs as a preview sends them: one unknown (an output not known yet) and one more secret. */
const previewNews = (r: FixtureResource): PropertyMap => ({
  ...r.inputs,
  displayName: UNKNOWN,
  department: makeSecret(r.inputs.department ?? "Support"),
  groups: [UNKNOWN, ...((r.inputs.groups as unknown[] | undefined) ?? [])],
});

/** google-protobuf writes a Struct's keys sorted; the same maps with sorted keys let its bytes be the reference. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (typeof v !== "object" || v === null) return v;
  const source = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((k) => [k, sortedKeys(source[k])]),
  );
}
const sorted = (m: PropertyMap) => sortedKeys(m) as PropertyMap;
const struct = (m: PropertyMap) => structproto.Struct.fromJavaScript(stripMap(m) as never);
const seed = Buffer.alloc(32, 7);

const checkReference = (r: FixtureResource, olds: PropertyMap, news: PropertyMap) => {
  const { urn, name, type } = refOf(r);
  const req = new provproto.CheckRequest().setUrn(urn).setOlds(struct(olds)).setNews(struct(news));
  return req.setRandomseed(seed).setName(name).setType(type).serializeBinary();
};

const diffReference = (r: FixtureResource, news: PropertyMap, ignore: string[]) => {
  const { urn, name, type } = refOf(r);
  const req = new provproto.DiffRequest().setId(r.id).setUrn(urn).setOlds(struct(r.outputs)).setNews(struct(news));
  req.setIgnorechangesList(ignore).setOldInputs(struct(r.inputs));
  return req.setName(name).setType(type).serializeBinary();
};

/** The framed bytes of a message as gRPC puts it on the wire: 0, a 4-byte big-endian length, the message. */
const framedBytes = (m: FramedMessage) => m.body;

describe("Check and Diff requests for real identity-stack resources (engine/host/provider-requests)", () => {
  it("holds secrets and unknowns, so the comparisons below cover them", () => {
    expect(
      resources.filter((r) => JSON.stringify(r.outputs).includes('"1b47061264138c4ac30d75fd1eb44270"')),
    ).not.toEqual([]);
    expect(JSON.stringify(previewNews(resources[0]!))).toContain(UNKNOWN);
  });

  it("writes google-protobuf's CheckRequest and DiffRequest bytes exactly, secrets stripped", () => {
    for (const r of resources.map((x) => ({ ...x, inputs: sorted(x.inputs), outputs: sorted(x.outputs) }))) {
      for (const news of [r.inputs, sorted(previewNews(r))]) {
        const check = frameWritten(writeCheckRequest(new ProtoWriter(), refOf(r), r.inputs, news, seed));
        expect(framedBytes(check).equals(frame(checkReference(r, r.inputs, news)))).toBe(true);
        for (const ignore of [[], ["groups", "displayName"]]) {
          const w = new ProtoWriter();
          const diff = frameWritten(writeDiffRequest(w, refOf(r), r.id, r.outputs, r.inputs, news, ignore));
          expect(framedBytes(diff).equals(frame(diffReference(r, news, ignore)))).toBe(true);
        }
      }
    }
  });

  it("frames in one copy the very bytes the writer's copy and a separate frame gave (the maps' own key order)", () => {
    for (const r of resources) {
      const news = previewNews(r);
      const write = (w: ProtoWriter) => writeDiffRequest(w, refOf(r), r.id, r.outputs, r.inputs, news, ["groups"]);
      const shared = new ProtoWriter();
      // The same writer for both, as the host uses one: a framed message must not keep the writer's bytes.
      const oldPath = frame(write(shared).finish());
      const newPath = framedBytes(frameWritten(write(shared)));
      expect(newPath.equals(oldPath)).toBe(true);
      expect(newPath.readUInt32BE(1)).toBe(newPath.length - 5);
      expect(provproto.DiffRequest.deserializeBinary(newPath.subarray(5)).getOlds()!.toJavaScript()).toEqual(
        stripMap(r.outputs),
      );
      const check = framedBytes(frameWritten(writeCheckRequest(shared, refOf(r), r.inputs, news, seed)));
      expect(check.equals(frame(writeCheckRequest(shared, refOf(r), r.inputs, news, seed).finish()))).toBe(true);
    }
  });

  it("sends Check's answer to Diff in the bytes it came in, secrets re-applied, the same as encoding it afresh", () => {
    for (const r of resources) {
      // The program's inputs with a secret (the stack's own hold none; a secret config value passed on would be one).
      const news = { ...r.inputs, department: makeSecret(r.inputs.department ?? "Support") };
      const checked = decodeStruct(Buffer.from(encodeStruct(stripMap(news), "stripped")));
      const annotated = annotateSecrets(checked, news);
      expect(annotated).not.toBe(checked);
      expect(encodeStruct(annotated, "stripped")).toBe(encodeStruct(checked, "stripped"));
      expect(encodeStruct(annotated, "stripped").equals(encodeStruct(structuredClone(annotated), "stripped"))).toBe(
        true,
      );
    }
    // Not for a map built in the engine: a secret around an undefined value encodes to null, the bare one to nothing.
    const built = { a: undefined, b: 1 };
    const annotated = annotateSecrets(built, { a: makeSecret("x"), b: 1 });
    expect(encodeStruct(annotated, "stripped").equals(encodeStruct(built, "stripped"))).toBe(false);
  });

  it("answers RegisterResource with google-protobuf's bytes, secrets kept as wrappers for the program", () => {
    for (const r of resources.map((x) => ({ ...x, outputs: sorted(x.outputs) }))) {
      for (const ok of [true, false]) {
        const answer = registerResourceResponse(new ProtoWriter(), { urn: r.urn, id: r.id, outputs: r.outputs, ok });
        const reference = new resproto.RegisterResourceResponse()
          .setUrn(r.urn)
          .setId(r.id)
          .setObject(structproto.Struct.fromJavaScript(r.outputs as never));
        if (!ok) reference.setResult(resproto.Result.FAIL);
        expect(framedBytes(answer).equals(frame(reference.serializeBinary()))).toBe(true);
        const decoded = resproto.RegisterResourceResponse.deserializeBinary(framedBytes(answer).subarray(5));
        expect(decoded.getObject()!.toJavaScript()).toEqual(r.outputs);
      }
    }
  });
});
