import type { PropertyMap } from "../properties";
import { prepareStack } from "./prepare";

/** The stack outputs recorded in the current checkpoint (secrets as wrappers; mask them before display). */
export async function readStackOutputs(options: {
  cwd: string;
  stack?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<PropertyMap> {
  const prepared = await prepareStack(options.cwd, options.stack, { ...process.env, ...options.env });
  try {
    const root = prepared.oldOrder.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
    return root?.outputs ?? {};
  } finally {
    await prepared.session.release();
  }
}
