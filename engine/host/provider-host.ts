import { randomBytes } from "node:crypto";
import type { PropertyMap } from "../properties";
import { grpc, GRPC_OPTIONS, grpcMessage, provproto, provrpc, toStruct, unary } from "./proto";
import { resolveSdk, spawnPlugin, type PluginProcess } from "./plugin-process";

/** Provider `Diff` result; `changes` 0=unknown (no user diff), 1=none, 2=some. */
export interface DiffResult {
  changes: 0 | 1 | 2;
  replaces: string[];
  deleteBeforeReplace: boolean;
  diffs: string[];
}

export interface ResourceRef {
  urn: string;
  type: string;
  name: string;
}

/**
 * A client for one `cmd/dynamic-provider` process. Every method takes and returns STRIPPED property maps:
 * the host does not accept secrets, so callers strip before and re-annotate after (reference §7.2).
 */
export interface DynamicProviderHost {
  configure(args: PropertyMap): Promise<void>;
  check(ref: ResourceRef, olds: PropertyMap, news: PropertyMap): Promise<{ inputs: PropertyMap; failures: string[] }>;
  diff(ref: ResourceRef, id: string, olds: PropertyMap, oldInputs: PropertyMap, news: PropertyMap, ignore: string[]): Promise<DiffResult>;
  create(ref: ResourceRef, props: PropertyMap): Promise<{ id: string; outputs: PropertyMap }>;
  read(ref: ResourceRef, id: string, props: PropertyMap, inputs: PropertyMap): Promise<{ id: string; outputs: PropertyMap; inputs?: PropertyMap }>;
  update(ref: ResourceRef, id: string, olds: PropertyMap, oldInputs: PropertyMap, news: PropertyMap): Promise<PropertyMap>;
  delete(ref: ResourceRef, id: string, props: PropertyMap, oldInputs: PropertyMap): Promise<void>;
  close(): void;
}

export interface ProviderHostOptions {
  programDir: string;
  engineAddress: string;
  env: NodeJS.ProcessEnv;
}

/** Starts the dynamic-provider host from the program's SDK copy and connects to it. */
export async function startDynamicProviderHost(options: ProviderHostOptions): Promise<DynamicProviderHost> {
  const proc: PluginProcess = await spawnPlugin({
    what: "the dynamic provider host",
    args: [resolveSdk("cmd/dynamic-provider", options.programDir), options.engineAddress],
    cwd: options.programDir,
    env: options.env,
  });
  const client = new provrpc.ResourceProviderClient(proc.address, grpc.credentials.createInsecure(), GRPC_OPTIONS);
  const call = <Res>(method: string, req: unknown) =>
    unary<unknown, Res>(client, method, req).catch((err) => {
      throw new Error(grpcMessage(err));
    });
  const base = <T extends { setUrn(v: string): T; setName(v: string): T; setType(v: string): T }>(req: T, ref: ResourceRef) =>
    req.setUrn(ref.urn).setName(ref.name).setType(ref.type);

  return {
    async configure(args) {
      const req = new provproto.ConfigureRequest();
      req.setArgs(toStruct(args)).setAcceptsecrets(true).setAcceptresources(true);
      for (const [k, v] of Object.entries(args)) req.getVariablesMap().set(k, typeof v === "string" ? v : JSON.stringify(v));
      await call("configure", req);
    },
    async check(ref, olds, news) {
      const req = base(new provproto.CheckRequest(), ref).setOlds(toStruct(olds)).setNews(toStruct(news));
      req.setRandomseed(randomBytes(32));
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").CheckResponse>("check", req);
      const failures = res.getFailuresList().map((f) => `${f.getProperty() ? `${f.getProperty()}: ` : ""}${f.getReason()}`);
      return { inputs: (res.getInputs()?.toJavaScript() ?? {}) as PropertyMap, failures };
    },
    async diff(ref, id, olds, oldInputs, news, ignore) {
      const req = base(new provproto.DiffRequest(), ref).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
      req.setOldInputs(toStruct(oldInputs)).setIgnorechangesList(ignore);
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").DiffResponse>("diff", req);
      return {
        changes: res.getChanges() as 0 | 1 | 2,
        replaces: res.getReplacesList(),
        deleteBeforeReplace: res.getDeletebeforereplace(),
        diffs: res.getDiffsList(),
      };
    },
    async create(ref, props) {
      const req = base(new provproto.CreateRequest(), ref).setProperties(toStruct(props)).setPreview(false);
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").CreateResponse>("create", req);
      return { id: res.getId(), outputs: (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap };
    },
    async read(ref, id, props, inputs) {
      const req = base(new provproto.ReadRequest(), ref).setId(id).setProperties(toStruct(props)).setInputs(toStruct(inputs));
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").ReadResponse>("read", req);
      const readInputs = res.getInputs()?.toJavaScript() as PropertyMap | undefined;
      return { id: res.getId(), outputs: (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap, inputs: readInputs };
    },
    async update(ref, id, olds, oldInputs, news) {
      const req = base(new provproto.UpdateRequest(), ref).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
      req.setOldInputs(toStruct(oldInputs)).setPreview(false);
      const res = await call<import("@pulumi/pulumi/proto/provider_pb").UpdateResponse>("update", req);
      return (res.getProperties()?.toJavaScript() ?? {}) as PropertyMap;
    },
    async delete(ref, id, props, oldInputs) {
      const req = base(new provproto.DeleteRequest(), ref).setId(id).setProperties(toStruct(props)).setOldInputs(toStruct(oldInputs));
      await call("delete", req);
    },
    close() {
      client.close();
      proc.kill();
    },
  };
}
