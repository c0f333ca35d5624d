/**
 * @module engine/policy
 * CrossGuard policy packs through the SDK's `cmd/run-policy-pack` host: Analyze per resource (mandatory violations
 * fail the registration), AnalyzeStack after a successful deployment, policy config.
 */
import { readFileSync } from "node:fs";
import type { PolicyHook } from "../deploy/context";
import { urnName, type ResourceState } from "../deploy/resource-state";
import type { EngineEventPayload } from "../events";
import { anaproto, toStruct } from "../host/proto";
import type { PropertyMap } from "../properties";
import type { PreparedStack } from "../operations/prepare";
import { startAnalyzer, type AnalyzeDiagnostic, type AnalyzerClient } from "./analyzer-client";

export interface PolicyPacksOptions {
  packDirs: string[];
  /** Pulumi policy config JSON files, matched to `packDirs` by position. */
  configFiles?: string[];
  prepared: PreparedStack;
  emit: (payload: EngineEventPayload) => void;
  dryRun: boolean;
  /** Overrides of the analyzers' environment (a sealed preview drops the passphrase). */
  env?: NodeJS.ProcessEnv;
}

export interface PolicyPacks {
  hook(dryRun: boolean): PolicyHook;
  versions(): Record<string, string>;
  close(): void;
}

/** Analyzers never see engine-internal keys such as `__provider` (Go `SkipInternalKeys`). */
function publicProperties(props: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__")));
}

function resourceOptions(r: ResourceState) {
  const opts = new anaproto.AnalyzerResourceOptions().setProtect(!!r.protect).setParent(r.parent ?? "");
  opts.setIgnorechangesList(r.ignoreChanges ?? []).setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? []);
  opts.setAliasesList(r.aliases ?? []);
  return opts;
}

export async function startPolicyPacks(options: PolicyPacksOptions): Promise<PolicyPacks> {
  const { prepared } = options;
  const packs: AnalyzerClient[] = [];
  try {
    for (const [i, packDir] of options.packDirs.entries()) {
      const file = options.configFiles?.[i];
      packs.push(
        await startAnalyzer({
          packDir,
          env: { ...process.env, ...options.env },
          stack: prepared.stack,
          project: prepared.project.name,
          dryRun: options.dryRun,
          config: prepared.config,
          secretKeys: prepared.secretKeys,
          policyConfig: file ? JSON.parse(readFileSync(file, "utf8")) : undefined,
        }),
      );
    }
  } catch (err) {
    for (const p of packs) p.close();
    throw err;
  }

  /** Emits one policy event per diagnostic; returns the mandatory ones' messages (counted per call). */
  const report = (pack: AnalyzerClient, diags: AnalyzeDiagnostic[], urn?: string): string[] => {
    const mandatory: string[] = [];
    for (const d of diags) {
      const level = d.getEnforcementlevel() === anaproto.EnforcementLevel.MANDATORY ? "mandatory" : "warning";
      options.emit({
        policyEvent: {
          resourceUrn: d.getUrn() || urn,
          message: d.getMessage(),
          color: "raw",
          policyName: d.getPolicyname(),
          policyPackName: d.getPolicypackname() || pack.info.name,
          policyPackVersion: d.getPolicypackversion() || pack.info.version,
          policyPackVersionTag: d.getPolicypackversion() || pack.info.version,
          enforcementLevel: level,
        },
      });
      if (level === "mandatory") mandatory.push(`[${d.getPolicyname()}] ${d.getMessage()}`);
    }
    return mandatory;
  };

  return {
    hook: () => ({
      async analyze(r) {
        const req = new anaproto.AnalyzeRequest().setType(r.type).setUrn(r.urn).setName(urnName(r.urn));
        req.setProperties(toStruct(publicProperties(r.inputs))).setOptions(resourceOptions(r));
        const all = await Promise.all(packs.map(async (p) => report(p, await p.analyze(req), r.urn)));
        return all.flat();
      },
      async analyzeStack(resources) {
        const list = resources
          .filter((r) => !r.type.startsWith("pulumi:providers:"))
          .map((r) => {
            const ar = new anaproto.AnalyzerResource().setType(r.type).setUrn(r.urn).setName(urnName(r.urn));
            ar.setProperties(toStruct(publicProperties(r.outputs))).setOptions(resourceOptions(r));
            ar.setParent(r.parent ?? "").setDependenciesList(r.dependencies);
            for (const [k, urns] of Object.entries(r.propertyDependencies)) {
              ar.getPropertydependenciesMap().set(k, new anaproto.AnalyzerPropertyDependencies().setUrnsList(urns));
            }
            return ar;
          });
        const req = new anaproto.AnalyzeStackRequest().setResourcesList(list);
        const all = await Promise.all(packs.map(async (p) => report(p, await p.analyzeStack(req))));
        return all.flat();
      },
    }),
    versions: () => Object.fromEntries(packs.map((p) => [p.info.name, p.info.version])),
    close: () => packs.forEach((p) => p.close()),
  };
}
