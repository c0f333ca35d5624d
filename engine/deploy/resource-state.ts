import { decodeMap, encodeMap, shareStringsIn, type Crypter, type PropertyMap } from "../properties";

/** One resource as the engine holds it in memory: secrets are wrappers around plaintext, never ciphertext. */
export interface ResourceState {
  urn: string;
  type: string;
  custom: boolean;
  id?: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  parent?: string;
  provider?: string;
  protect?: boolean;
  retainOnDelete?: boolean;
  deletedWith?: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  additionalSecretOutputs?: string[];
  aliases?: string[];
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  customTimeouts?: { create?: number; update?: number; delete?: number };
  delete?: boolean;
  external?: boolean;
  created?: string;
  modified?: string;
}

/** The checkpoint `ResourceV3` JSON shape (sdk/go/common/apitype/core.go); secrets encrypted. */
export type ResourceV3 = Record<string, unknown> & { urn: string; type: string; custom: boolean };

const nonEmpty = <T>(v: T[] | undefined): T[] | undefined => (v && v.length > 0 ? v : undefined);
const nonEmptyMap = <T extends object>(v: T | undefined): T | undefined =>
  v && Object.keys(v).length > 0 ? v : undefined;

/** In-memory state → checkpoint form, omitting empty fields as the Go serializer does. */
export function toResourceV3(r: ResourceState, crypter: Crypter): ResourceV3 {
  const v3: Record<string, unknown> = {
    urn: r.urn,
    custom: r.custom,
    delete: r.delete || undefined,
    id: r.custom ? r.id : undefined,
    type: r.type,
    inputs: nonEmptyMap(r.inputs) && encodeMap(r.inputs, crypter),
    outputs: nonEmptyMap(r.outputs) && encodeMap(r.outputs, crypter),
    parent: r.parent || undefined,
    protect: r.protect || undefined,
    external: r.external || undefined,
    dependencies: nonEmpty(r.dependencies),
    provider: r.provider || undefined,
    propertyDependencies: nonEmptyMap(r.propertyDependencies),
    additionalSecretOutputs: nonEmpty(r.additionalSecretOutputs),
    aliases: nonEmpty(r.aliases),
    customTimeouts: r.customTimeouts,
    retainOnDelete: r.retainOnDelete || undefined,
    deletedWith: r.deletedWith || undefined,
    ignoreChanges: nonEmpty(r.ignoreChanges),
    replaceOnChanges: nonEmpty(r.replaceOnChanges),
    created: r.created,
    modified: r.modified,
  };
  for (const k of Object.keys(v3)) if (v3[k] === undefined) delete v3[k];
  return v3 as ResourceV3;
}

/**
 * Checkpoint form → in-memory state (decrypts secrets). The long strings of `v3`'s inputs and outputs are swapped
 * for their shared copies in place, since the journal keeps `v3` itself for the run (share-strings.ts).
 */
export function fromResourceV3(v3: ResourceV3, crypter: Crypter): ResourceState {
  const s = v3 as Record<string, any>;
  shareStringsIn(s.inputs);
  shareStringsIn(s.outputs);
  return {
    urn: s.urn,
    type: s.type,
    custom: !!s.custom,
    id: s.id || undefined,
    inputs: decodeMap(s.inputs, crypter),
    outputs: decodeMap(s.outputs, crypter),
    parent: s.parent || undefined,
    provider: s.provider || undefined,
    protect: s.protect || undefined,
    retainOnDelete: s.retainOnDelete || undefined,
    deletedWith: s.deletedWith || undefined,
    dependencies: s.dependencies ?? [],
    propertyDependencies: s.propertyDependencies ?? {},
    additionalSecretOutputs: s.additionalSecretOutputs,
    aliases: s.aliases,
    ignoreChanges: s.ignoreChanges,
    replaceOnChanges: s.replaceOnChanges,
    customTimeouts: s.customTimeouts,
    delete: s.delete || undefined,
    external: s.external || undefined,
    created: s.created,
    modified: s.modified,
  };
}

/** A dynamic provider's resource (`pulumi-nodejs:dynamic[/module]:Type`): the only custom resources this engine runs. */
export const DYNAMIC_TYPE = /^pulumi-nodejs:dynamic(\/[^:]+)?:/;

/** Every URN a resource depends on for ordering: parent, dependencies, property deps, deletedWith, provider. */
export function dependencyUrns(r: ResourceState): string[] {
  const urns = new Set<string>(r.dependencies);
  if (r.parent) urns.add(r.parent);
  for (const deps of Object.values(r.propertyDependencies)) for (const u of deps) urns.add(u);
  if (r.deletedWith) urns.add(r.deletedWith);
  if (r.provider) urns.add(providerUrn(r.provider));
  return [...urns];
}

/** `"<urn>::<id>"` → `<urn>` (the id is the last `::` segment). */
export function providerUrn(ref: string): string {
  const i = ref.lastIndexOf("::");
  return i < 0 ? ref : ref.slice(0, i);
}

/** What a provider-host call names a resource by: URN, type and name. */
export const refOf = (r: Pick<ResourceState, "urn" | "type">) => ({ urn: r.urn, type: r.type, name: urnName(r.urn) });

/** A resource's name: the last `::` segment of its URN. */
export function urnName(urn: string): string {
  // What follows the third "::" (a name may hold "::" itself); found without splitting, as it is asked per call.
  let at = -2;
  for (let i = 0; i < 3; i++) {
    at = urn.indexOf("::", at + 2);
    if (at < 0) return "";
  }
  return urn.slice(at + 2);
}

/** `urn:pulumi:<stack>::<project>::<qualifiedType>::<name>` with the parent's type chain (reference §4). */
export function makeUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
  let qualified = type;
  if (parentUrn) {
    const parentType = parentUrn.split("::")[2] ?? "";
    if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
