/**
 * Leaves one app out of a workspace's stack, as a person would by hand: off `identity:apps`, its settings block
 * gone, and every role entitlement and persona expectation that names it removed, so validate and the plan
 * never mention it. Invariants that forbid the app still hold, so they stay. The demo uses this for LDAP on a
 * machine without slapd.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML, { isMap, isSeq, type Document } from "yaml";

/** Rewrites `stacks/Pulumi.<stack>.yaml` and the YAML role and persona files it lists. */
export function dropApp(stackDir: string, stack: string, app: string): void {
  const stackFile = path.join(stackDir, `Pulumi.${stack}.yaml`);
  const stackDoc = editYaml(stackFile, (doc) => {
    const apps = doc.getIn(["config", "identity:apps"]);
    if (isSeq(apps)) apps.items = apps.items.filter((item) => !(YAML.isScalar(item) && item.value === app));
    doc.deleteIn(["config", `identity:${app}`]);
  });
  const roles = (stackDoc.toJS() as StackFile).config?.["identity:roles"] ?? {};
  for (const file of (roles.files ?? []).filter((f) => /\.ya?ml$/.test(f))) {
    editYaml(path.join(stackDir, file), (doc) => dropEntitlements(doc, app));
  }
  if (roles.personas) editYaml(path.join(stackDir, roles.personas), (doc) => dropExpectations(doc, app));
}

interface StackFile {
  config?: { "identity:roles"?: { files?: string[]; personas?: string } };
}

/** Parses, edits and writes back a YAML file, comments kept. */
function editYaml(file: string, edit: (doc: Document) => void): Document {
  const doc = YAML.parseDocument(readFileSync(file, "utf8"));
  edit(doc);
  writeFileSync(file, doc.toString());
  return doc;
}

function dropEntitlements(doc: Document, app: string): void {
  const roles = doc.get("roles");
  if (!isSeq(roles)) return;
  for (const role of roles.items) if (isMap(role)) role.deleteIn(["entitlements", app]);
}

// An app key in a persona is `app` or `app:instance` (`scim:github`).
function dropExpectations(doc: Document, app: string): void {
  const isApp = (key: unknown) => key === app || String(key).startsWith(`${app}:`);
  const personas = doc.get("personas");
  if (!isSeq(personas)) return;
  for (const persona of personas.items) {
    if (!isMap(persona)) continue;
    const apps = persona.getIn(["expect", "apps"]);
    if (isSeq(apps)) apps.items = apps.items.filter((item) => !(YAML.isScalar(item) && isApp(item.value)));
    const groups = persona.getIn(["expect", "groups"]);
    if (isMap(groups)) {
      groups.items = groups.items.filter((pair) => !(YAML.isScalar(pair.key) && isApp(pair.key.value)));
    }
  }
}
