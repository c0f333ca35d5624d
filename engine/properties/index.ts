/**
 * @module engine/properties
 * The Pulumi property model: wire sentinels, secret strip/annotate, deep equality, checkpoint encoding, and the
 * protobuf `Struct` encoding of property maps.
 */
export * from "./sentinels";
export * from "./secrets";
export * from "./equal";
export * from "./checkpoint";
export * from "./ignore-changes";
export { shareString, shareStringsIn } from "./share-strings";
export { ProtoWriter, splitFields, wireFields } from "./proto-wire";
export { decodeStruct, encodeStruct, type StructMode } from "./struct-wire";
