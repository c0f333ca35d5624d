import type { DeploymentV3, ResourceV3 } from "./apitype";
import { StateCode, StateError } from "../errors";
import { manifestMagic } from "../backend/manifest";

/** A provider reference is `<providerURN>::<id>`; the URN part is everything before the last `::`. */
export function providerUrn(reference: string): string {
  const at = reference.lastIndexOf("::");
  return at < 0 ? reference : reference.slice(0, at);
}

/** Every URN a resource refers to and that must therefore come before it in `resources`. */
export function referencedUrns(resource: ResourceV3): string[] {
  const refs: string[] = [];
  if (resource.parent) refs.push(resource.parent);
  if (resource.provider) refs.push(providerUrn(resource.provider));
  if (resource.dependencies) refs.push(...resource.dependencies);
  for (const urns of Object.values(resource.propertyDependencies ?? {})) refs.push(...urns);
  if (resource.deletedWith) refs.push(resource.deletedWith);
  return refs;
}

/**
 * The checks of Go's `Snapshot.VerifyIntegrity`: magic matches the version, URNs are unique except for resources
 * pending deletion, every parent/provider/dependency appears earlier, and components carry no id.
 * @returns the problems found, empty when the deployment is sound.
 */
export function integrityProblems(deployment: DeploymentV3): string[] {
  const problems: string[] = [];
  const { manifest } = deployment;
  if (manifest.magic && manifest.magic !== manifestMagic(manifest.version)) {
    problems.push(`manifest magic ${manifest.magic} does not match version ${manifest.version}`);
  }
  const seen = new Set<string>();
  for (const [index, resource] of (deployment.resources ?? []).entries()) {
    const at = `resources[${index}] ${resource.urn}`;
    for (const ref of referencedUrns(resource)) {
      if (!seen.has(ref)) problems.push(`${at} refers to ${ref}, which does not appear before it`);
    }
    if (!resource.custom && resource.id) problems.push(`${at} is a component but has id "${resource.id}"`);
    if (seen.has(resource.urn) && !resource.delete) problems.push(`${at} appears twice`);
    seen.add(resource.urn);
  }
  return problems;
}

/** @throws StateError `STATE_INTEGRITY` listing the first problems; the caller must not write such a deployment. */
export function verifyIntegrity(deployment: DeploymentV3, file: string): void {
  const problems = integrityProblems(deployment);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).join("; ") + (problems.length > 5 ? `; and ${problems.length - 5} more` : "");
  throw new StateError(
    StateCode.integrity,
    `refusing to write ${file}: snapshot integrity failure: ${shown}`,
    "this is an engine bug: keep the .pulumi directory as it is (the journal holds every step) and report it",
    { file },
  );
}
