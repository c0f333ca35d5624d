import { decodeStruct, splitFields, type PropertyMap } from "../properties";
import { resproto } from "../host/proto";

type RegisterResourceRequest = InstanceType<typeof resproto.RegisterResourceRequest>;

/** A decoded `RegisterResourceRequest`: only the fields the engine acts on. */
export interface Registration {
  type: string;
  name: string;
  parent: string;
  custom: boolean;
  remote: boolean;
  inputs: PropertyMap;
  /** `"<providerURN>::<id>"`, empty for the default provider. */
  provider: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  protect?: boolean;
  deleteBeforeReplace?: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  additionalSecretOutputs: string[];
  aliases: string[];
  retainOnDelete?: boolean;
  deletedWith: string;
  importId: string;
  customTimeouts?: { create?: number; update?: number; delete?: number };
}

/** Pulumi custom-timeout strings ("5m", "30s") → seconds, as the checkpoint stores them. */
function seconds(duration: string): number | undefined {
  if (!duration) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(duration);
  if (!m) return undefined;
  const scale = { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * scale;
}

/** `RegisterResourceRequest` field numbers the engine reads off the wire itself. */
const OBJECT = 5;
const SOURCE_POSITION = 29;
const STACK_TRACE = 35;
const PARENT_STACK_TRACE_HANDLE = 36;

/**
 * A registration straight from its bytes. The inputs (`object`) are decoded without google-protobuf's objects, and
 * the SDK's source position and stack trace, which the Node SDK sends with every resource unasked (no feature gates
 * them) and which the engine never shows, are not decoded at all (the program the engine starts no longer formats
 * them: skip-unread-stacks.js). Everything else goes through the generated class.
 */
export function readRegistration(bytes: Uint8Array): Registration {
  const { taken, rest } = splitFields(bytes, [OBJECT], [SOURCE_POSITION, STACK_TRACE, PARENT_STACK_TRACE_HANDLE]);
  const object = taken.get(OBJECT);
  const inputs = object ? decodeStruct(object) : {};
  return decodeRegistration(resproto.RegisterResourceRequest.deserializeBinary(rest), inputs);
}

function decodeRegistration(req: RegisterResourceRequest, inputs: PropertyMap): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const timeouts = req.getCustomtimeouts();
  const customTimeouts = timeouts
    ? {
        create: seconds(timeouts.getCreate()),
        update: seconds(timeouts.getUpdate()),
        delete: seconds(timeouts.getDelete()),
      }
    : undefined;
  return {
    type: req.getType(),
    name: req.getName(),
    parent: req.getParent(),
    custom: req.getCustom(),
    remote: req.getRemote(),
    inputs,
    provider: req.getProvider(),
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    protect: req.hasProtect() ? req.getProtect() : undefined,
    deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
    ignoreChanges: req.getIgnorechangesList(),
    replaceOnChanges: req.getReplaceonchangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    aliases: req.getAliasurnsList(),
    retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : undefined,
    deletedWith: req.getDeletedwith(),
    importId: req.getImportid(),
    customTimeouts:
      customTimeouts && Object.values(customTimeouts).some((v) => v !== undefined) ? customTimeouts : undefined,
  };
}
