import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { decodeStruct, ProtoWriter, stripMap, wireFields, type PropertyMap } from "../properties";
import { connectUnary, frameWritten, type OutgoingMessage } from "../grpc";
import { provproto, provrpc, toStruct, type MethodDefinition } from "./proto";
import { writeCheckRequest, writeDiffRequest, type ResourceRef } from "./provider-requests";
import { resolveSdk, SDK_PROCESS_PRELOADS, spawnPlugin, type PluginProcess } from "./plugin-process";
import { typescriptHookFor } from "./typescript-loader";

/** Provider `Diff` result; `changes` 0=unknown (no user diff), 1=none, 2=some. */
export interface DiffResult {
  changes: 0 | 1 | 2;
  replaces: string[];
  deleteBeforeReplace: boolean;
  diffs: string[];
}

export type { ResourceRef };

/**
 * A client for one `cmd/dynamic-provider` process. Methods take property maps as the engine holds them and send them
 * stripped of secret wrappers, since the host does not accept secrets; what comes back is plain, for the caller to
 * re-annotate (reference §7.2). Maps passed in must not be mutated afterwards: their encoding is kept with them.
 */
export interface DynamicProviderHost {
  configure(args: PropertyMap): Promise<void>;
  check(ref: ResourceRef, olds: PropertyMap, news: PropertyMap): Promise<{ inputs: PropertyMap; failures: string[] }>;
  diff(
    ref: ResourceRef,
    id: string,
    olds: PropertyMap,
    oldInputs: PropertyMap,
    news: PropertyMap,
    ignore: string[],
  ): Promise<DiffResult>;
  create(ref: ResourceRef, props: PropertyMap): Promise<{ id: string; outputs: PropertyMap }>;
  read(
    ref: ResourceRef,
    id: string,
    props: PropertyMap,
    inputs: PropertyMap,
  ): Promise<{ id: string; outputs: PropertyMap; inputs?: PropertyMap }>;
  update(
    ref: ResourceRef,
    id: string,
    olds: PropertyMap,
    oldInputs: PropertyMap,
    news: PropertyMap,
  ): Promise<PropertyMap>;
  delete(ref: ResourceRef, id: string, props: PropertyMap, oldInputs: PropertyMap): Promise<void>;
  close(): void;
}

export interface ProviderHostOptions {
  programDir: string;
  engineAddress: string;
  env: NodeJS.ProcessEnv;
  /** The program is TypeScript: the host loads its providers' modules through the program's hook, when it has one. */
  typescript?: boolean;
}

/** Starts the dynamic-provider host from the program's SDK copy and connects to it. */
export async function startDynamicProviderHost(options: ProviderHostOptions): Promise<DynamicProviderHost> {
  const hook = options.typescript ? typescriptHookFor(options.programDir) : undefined;
  const proc: PluginProcess = await spawnPlugin({
    what: "the dynamic provider host",
    execArgv: [...SDK_PROCESS_PRELOADS.map((file) => join(__dirname, file)), ...(hook ? [hook] : [])].flatMap(
      (file) => ["--require", file],
    ),
    args: [resolveSdk("cmd/dynamic-provider", options.programDir), options.engineAddress],
    cwd: options.programDir,
    env: options.env,
  });
  const client = connectUnary(proc.address);
  const service = provrpc.ResourceProviderService as unknown as Record<string, MethodDefinition>;
  /** The rare calls (configure, CRUD) go through the generated message classes. */
  const call = async <Res>(method: string, req: unknown): Promise<Res> => {
    const def = service[method]!;
    return def.responseDeserialize(await client.call(def.path, def.requestSerialize(req))) as Res;
  };
  const base = <T extends { setUrn(v: string): T; setName(v: string): T; setType(v: string): T }>(
    req: T,
    ref: ResourceRef,
  ) => req.setUrn(ref.urn).setName(ref.name).setType(ref.type);
  /** Check and Diff, once per resource, skip google-protobuf's objects: their bytes are written directly. */
  const raw = async <Res>(path: string, request: OutgoingMessage, decode: (bytes: Buffer) => Res) =>
    decode(await client.call(path, request));
  const seeds = randomSeeds();
  const w = new ProtoWriter();

  return {
    async configure(args) {
      const req = new provproto.ConfigureRequest();
      req.setArgs(toStruct(args)).setAcceptsecrets(true).setAcceptresources(true);
      for (const [k, v] of Object.entries(args))
        req.getVariablesMap().set(k, typeof v === "string" ? v : JSON.stringify(v));
      await call("configure", req);
    },
    check(ref, olds, news) {
      const request = frameWritten(writeCheckRequest(w, ref, olds, news, seeds()));
      return raw(provrpc.ResourceProviderService.check.path, request, decodeCheckResponse);
    },
    diff(ref, id, olds, oldInputs, news, ignore) {
      const request = frameWritten(writeDiffRequest(w, ref, id, olds, oldInputs, news, ignore));
      return raw(provrpc.ResourceProviderService.diff.path, request, (bytes) => {
        const res = provproto.DiffResponse.deserializeBinary(bytes);
        return {
          changes: res.getChanges() as 0 | 1 | 2,
          replaces: res.getReplacesList(),
          deleteBeforeReplace: res.getDeletebeforereplace(),
          diffs: res.getDiffsList(),
        };
      });
    },
    async create(ref, props) {
      const req = base(new provproto.CreateRequest(), ref)
        .setProperties(toStruct(stripMap(props)))
        .setPreview(false);
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").CreateResponse>("create", req);
      return { id: res.getId(), outputs: (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap };
    },
    async read(ref, id, props, inputs) {
      const req = base(new provproto.ReadRequest(), ref)
        .setId(id)
        .setProperties(toStruct(stripMap(props)));
      req.setInputs(toStruct(stripMap(inputs)));
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").ReadResponse>("read", req);
      const readInputs = res.getInputs()?.toJavaScript() as PropertyMap | undefined;
      return {
        id: res.getId(),
        outputs: (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap,
        inputs: readInputs,
      };
    },
    async update(ref, id, olds, oldInputs, news) {
      const req = base(new provproto.UpdateRequest(), ref)
        .setId(id)
        .setOlds(toStruct(stripMap(olds)));
      req
        .setNews(toStruct(stripMap(news)))
        .setOldInputs(toStruct(stripMap(oldInputs)))
        .setPreview(false);
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").UpdateResponse>("update", req);
      return (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap;
    },
    async delete(ref, id, props, oldInputs) {
      const req = base(new provproto.DeleteRequest(), ref)
        .setId(id)
        .setProperties(toStruct(stripMap(props)));
      req.setOldInputs(toStruct(stripMap(oldInputs)));
      await call("delete", req);
    },
    close() {
      client.close();
      proc.kill();
    },
  };
}

/** `CheckResponse`: inputs = 1 (Struct), failures = 2 (CheckFailure: property = 1, reason = 2). */
function decodeCheckResponse(bytes: Buffer): { inputs: PropertyMap; failures: string[] } {
  let inputs: PropertyMap = {};
  const failures: string[] = [];
  for (const f of wireFields(bytes)) {
    if (f.field === 1) inputs = decodeStruct(bytes.subarray(f.valueStart, f.end));
    if (f.field !== 2) continue;
    let property = "";
    let reason = "";
    for (const g of wireFields(bytes, f.valueStart, f.end)) {
      if (g.field === 1) property = bytes.toString("utf8", g.valueStart, g.end);
      if (g.field === 2) reason = bytes.toString("utf8", g.valueStart, g.end);
    }
    failures.push(`${property ? `${property}: ` : ""}${reason}`);
  }
  return { inputs, failures };
}

/** 32 random bytes per Check (the provider's seed), cut from one larger draw instead of a system call each. */
function randomSeeds(): () => Buffer {
  let pool = Buffer.alloc(0);
  return () => {
    if (pool.length < 32) pool = randomBytes(32 * 256);
    const seed = pool.subarray(0, 32);
    pool = pool.subarray(32);
    return seed;
  };
}
