/** Wire sentinels of the Pulumi property model (sdk/nodejs/runtime/rpc.js, Go `resource/sig`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The key the dynamic-resource SDK stores the serialized provider under. */
export const PROVIDER_KEY = "__provider";

/** A property bag as decoded from a protobuf Struct (plain JSON, with sentinel objects/strings). */
export type PropertyMap = Record<string, unknown>;

export interface SecretWrapper {
  [SIG_KEY]: typeof SECRET_SIG;
  value: unknown;
}
