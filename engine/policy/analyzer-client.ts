import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  anaproto,
  anarpc,
  emptyproto,
  grpc,
  GRPC_OPTIONS,
  grpcMessage,
  structproto,
  toStruct,
  unary,
} from "../host/proto";
import { spawnPlugin, resolveSdk, type PluginProcess } from "../host/plugin-process";
import { PluginStartError } from "../errors";

type Proto = typeof import("@pulumi/pulumi/proto/analyzer_pb");
export type AnalyzeDiagnostic = InstanceType<Proto["AnalyzeDiagnostic"]>;

export interface AnalyzerInfo {
  name: string;
  version: string;
  supportsConfig: boolean;
}

/** One running policy pack (`cmd/run-policy-pack`), spoken to as a `pulumirpc.Analyzer` client. */
export interface AnalyzerClient {
  info: AnalyzerInfo;
  analyze(req: InstanceType<Proto["AnalyzeRequest"]>): Promise<AnalyzeDiagnostic[]>;
  analyzeStack(req: InstanceType<Proto["AnalyzeStackRequest"]>): Promise<AnalyzeDiagnostic[]>;
  close(): void;
}

export interface AnalyzerStart {
  packDir: string;
  env: NodeJS.ProcessEnv;
  stack: string;
  project: string;
  dryRun: boolean;
  config: Record<string, string>;
  secretKeys: string[];
  /** Pulumi's policy config JSON: `{ policyName: level | { enforcementLevel?, ...properties } }`. */
  policyConfig?: Record<string, unknown>;
}

const LEVELS: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

export async function startAnalyzer(options: AnalyzerStart): Promise<AnalyzerClient> {
  const packDir = resolve(options.packDir);
  let version: string | undefined;
  try {
    version = JSON.parse(readFileSync(resolve(packDir, "package.json"), "utf8")).version;
  } catch {
    /* reported below */
  }
  if (!version)
    throw new PluginStartError(`the policy pack in ${packDir}`, "its package.json must exist and carry a version");
  const proc: PluginProcess = await spawnPlugin({
    what: `the policy pack in ${packDir}`,
    args: [resolveSdk("cmd/run-policy-pack", packDir), "127.0.0.1:0", packDir],
    cwd: packDir,
    env: {
      ...options.env,
      PULUMI_NODEJS_ORGANIZATION: "organization",
      PULUMI_NODEJS_PROJECT: options.project,
      PULUMI_NODEJS_STACK: options.stack,
      PULUMI_NODEJS_DRY_RUN: String(options.dryRun),
      PULUMI_CONFIG: JSON.stringify(options.config),
    },
  });
  const client = new anarpc.AnalyzerClient(proc.address, grpc.credentials.createInsecure(), GRPC_OPTIONS);
  const call = <Res>(method: string, req: unknown) =>
    unary<unknown, Res>(client, method, req).catch((err) => {
      throw new Error(`policy pack ${packDir}: ${grpcMessage(err)}`);
    });
  const infoRes = await call<InstanceType<Proto["AnalyzerInfo"]>>("getAnalyzerInfo", new emptyproto.Empty());
  const info = {
    name: infoRes.getName(),
    version: infoRes.getVersion() || version,
    supportsConfig: infoRes.getSupportsconfig(),
  };
  if (options.policyConfig && info.supportsConfig) {
    const req = new anaproto.ConfigureAnalyzerRequest();
    for (const [policy, value] of Object.entries(options.policyConfig)) {
      const cfg = new anaproto.PolicyConfig();
      const { enforcementLevel, ...props } =
        typeof value === "string" ? { enforcementLevel: value } : (value as Record<string, unknown>);
      if (typeof enforcementLevel === "string" && enforcementLevel in LEVELS)
        cfg.setEnforcementlevel(LEVELS[enforcementLevel]! as never);
      cfg.setProperties(toStruct(props));
      req.getPolicyconfigMap().set(policy, cfg);
    }
    await call("configure", req);
  }
  const stackReq = new anaproto.AnalyzerStackConfigureRequest()
    .setStack(options.stack)
    .setProject(options.project)
    .setOrganization("organization")
    .setDryRun(options.dryRun)
    .setConfigSecretKeysList(options.secretKeys);
  for (const [k, v] of Object.entries(options.config)) stackReq.getConfigMap().set(k, v);
  await call("configureStack", stackReq).catch(() => undefined); // older packs answer UNIMPLEMENTED; Go tolerates it
  return {
    info,
    analyze: async (req) => (await call<InstanceType<Proto["AnalyzeResponse"]>>("analyze", req)).getDiagnosticsList(),
    analyzeStack: async (req) =>
      (await call<InstanceType<Proto["AnalyzeResponse"]>>("analyzeStack", req)).getDiagnosticsList(),
    close: () => {
      client.close();
      proc.kill();
    },
  };
}

export { structproto };
