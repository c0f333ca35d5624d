/**
 * The two provider-host requests sent for every resource, Check and Diff, written straight to protobuf bytes
 * (google-protobuf's `CheckRequest`/`DiffRequest` field numbers, in field order as it serializes them). Property maps
 * go in stripped of secret wrappers, as the dynamic provider host accepts no secrets, and in the bytes
 * `encodeStruct` already made for the very same map (struct-wire.ts).
 */
import { encodeStruct, type PropertyMap, type ProtoWriter } from "../properties";

export interface ResourceRef {
  urn: string;
  type: string;
  name: string;
}

/** `CheckRequest`: urn = 1, olds = 2, news = 3, randomSeed = 5, name = 6, type = 7. */
export function writeCheckRequest(
  w: ProtoWriter,
  ref: ResourceRef,
  olds: PropertyMap,
  news: PropertyMap,
  seed: Uint8Array,
): ProtoWriter {
  // Encoded before anything is written: a map that cannot be encoded leaves the shared writer empty.
  const [o, n] = [encodeStruct(olds, "stripped"), encodeStruct(news, "stripped")];
  return w.string(1, ref.urn).bytes(2, o).bytes(3, n).bytes(5, seed).string(6, ref.name).string(7, ref.type);
}

/** `DiffRequest`: id = 1, urn = 2, olds = 3, news = 4, ignoreChanges = 5, oldInputs = 6, name = 7, type = 8. */
export function writeDiffRequest(
  w: ProtoWriter,
  ref: ResourceRef,
  id: string,
  olds: PropertyMap,
  oldInputs: PropertyMap,
  news: PropertyMap,
  ignore: readonly string[],
): ProtoWriter {
  const [o, n, oi] = [olds, news, oldInputs].map((m) => encodeStruct(m, "stripped")) as [Buffer, Buffer, Buffer];
  w.string(1, id).string(2, ref.urn).bytes(3, o).bytes(4, n);
  for (const path of ignore) w.string(5, path);
  return w.bytes(6, oi).string(7, ref.name).string(8, ref.type);
}
