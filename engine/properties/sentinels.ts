/** Wire sentinels of the Pulumi property model (sdk/nodejs/runtime/rpc.js, Go `resource/sig`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The key the dynamic-resource SDK stores the serialized provider under. */
export const PROVIDER_KEY = "__provider";

/** A property bag as decoded from a protobuf Struct (plain JSON, with sentinel objects/strings). */
export type PropertyMap = Record<string, unknown>;

export interface SecretWrapper {
  [SIG_KEY]: typeof SECRET_SIG;
  value: unknown;
}
