/**
 * The half of `projectProvider` that runs in the dynamic-provider host: it loads the project's provider module,
 * guards it with the run's credentials mode, and adapts its answers to the host. The stand-in text every resource
 * carries (project-provider.ts) only names the module and calls this; the host decodes that text from protobuf in
 * every Check and Diff (olds and news alike), so each byte it carries is paid per resource. This file's path is in
 * those texts, in every stack's state: it must not move.
 */
import path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { guardCredentials } from "./credentials";

type Provider = Required<pulumi.dynamic.ResourceProvider>;

/**
 * A string key, not a symbol (see apps/shared/settings.ts): the providers this process loaded. Not the key the
 * older, self-contained stand-in (still in the state of resources it made) keeps its unadapted providers under.
 */
const loadedKey = "__idlcHostedProviders";

/**
 * The provider `modulePath` exports as `exportName`, loaded once per process for each directory and credentials
 * mode: check and diff run for every resource of a preview.
 * @param modulePath the provider module, relative to the project root (`provider/apps/ldap/provider`)
 */
export function hostedProvider(modulePath: string, exportName: string): Provider {
  const holder = globalThis as unknown as Record<string, Record<string, Provider> | undefined>;
  const loaded = (holder[loadedKey] ??= {});
  const key = [process.cwd(), modulePath, exportName, process.env.IDLC_CREDENTIALS ?? ""].join("\0");
  return (loaded[key] ??= adapted(modulePath, exportName));
}

function adapted(modulePath: string, exportName: string): Provider {
  let provider: Provider | undefined;
  try {
    provider = require(path.resolve(modulePath))[exportName];
  } catch (cause) {
    throw new Error(
      `cannot load the idlc provider ${modulePath} from ${process.cwd()}: ${(cause as Error).message}. The dynamic-provider host must run in the idlc project directory.`,
    );
  }
  if (!provider) throw new Error(`${modulePath} has no export ${exportName}`);
  // What this run's credentials allow (IDLC_CREDENTIALS: a preview has none). The app is the folder:
  // provider/apps/<app>/….
  const guarded = guardCredentials(modulePath.split("/")[2]!, provider);
  return {
    configure: (req) => guarded.configure(req),
    check: async (olds, news) => defined(await guarded.check(olds, unpacked(news))),
    diff: (id, olds, news) => guarded.diff(id, olds, news),
    create: async (inputs) => defined(await guarded.create(inputs)),
    read: async (id, props) => defined(await guarded.read(id, props)),
    update: async (id, olds, news) => defined(await guarded.update(id, olds, news)),
    delete: (id, props) => guarded.delete(id, props),
  };
}

/**
 * The host sends results as protobuf Structs, which have no `undefined`: a key holding it fails the whole call
 * ("Unexpected struct type"). Drop such keys, as JSON would.
 */
const defined = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) ?? undefined;

/**
 * An account resource registers its AccountSpec as one `spec` property: the SDK builds promises and Outputs per
 * top-level property, so one property instead of ~25 halves the program's cost per account. Check answers the
 * fields flat, so the engine stores, diffs, shows and hands the policy pack the same flat inputs as before (and a
 * stack made before the change previews with no update). Older states are flat already.
 */
function unpacked(news: Record<string, unknown>): Record<string, unknown> {
  const { spec, ...rest } = news;
  return spec !== null && typeof spec === "object" ? { ...rest, ...(spec as Record<string, unknown>) } : news;
}
