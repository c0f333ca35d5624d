import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Document, isMap, isScalar, parseDocument, YAMLMap } from "yaml";
import { z } from "zod";
import { ProjectCode, ProjectError } from "./errors";

// Pulumi.<stack>.yaml (sdk/go/common/workspace/project.go ProjectStack); other keys are kept untouched.
const stackFileSchema = z.looseObject({
  encryptionsalt: z.string().optional(),
  secretsprovider: z.string().optional(),
  config: z.record(z.string(), z.unknown()).nullish(),
});
export type StackFile = z.infer<typeof stackFileSchema>;

/** Reads and checks Pulumi.<stack>.yaml as a YAML Document (comments kept); a missing file is an empty one. */
export async function readStackDocument(file: string): Promise<{ doc: Document; data: StackFile }> {
  let text = "";
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const doc: Document = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new ProjectError(ProjectCode.stackConfigInvalid, `${file}: ${e.message}`, "fix the YAML syntax", {
      file,
      row: e.linePos?.[0]?.line,
    });
  }
  const parsed = stackFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProjectError(
      ProjectCode.stackConfigInvalid,
      `${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`,
      "the stack file holds `encryptionsalt:` and a `config:` map",
      { file },
    );
  }
  if (parsed.data.secretsprovider && parsed.data.secretsprovider !== "passphrase") {
    throw new ProjectError(
      ProjectCode.stackConfigInvalid,
      `${file}: secrets provider "${parsed.data.secretsprovider}" needs the Pulumi CLI`,
      "use the passphrase provider, or run this stack with --engine pulumi",
      { file },
    );
  }
  if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  return { doc, data: parsed.data };
}

/** Writes the document back atomically so a crash never leaves half a stack file. */
export async function writeStackDocument(file: string, doc: Document): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, doc.toString());
  await rename(tmp, file);
}

/** Adds `encryptionsalt` as the first key, where `pulumi stack init` puts it. */
export function setSalt(doc: Document, salt: string): void {
  const map = doc.contents as YAMLMap;
  const existing = map.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === "encryptionsalt");
  if (existing) doc.set("encryptionsalt", salt);
  else map.items.unshift(doc.createPair("encryptionsalt", salt));
}

/** The key under `config:` as written in the file: namespaced, or the bare form the project owns. */
export function findConfigKey(doc: Document, projectName: string, key: string): string | undefined {
  const config = doc.get("config");
  if (!isMap(config)) return undefined;
  const bare = key.startsWith(`${projectName}:`) ? key.slice(projectName.length + 1) : undefined;
  for (const pair of config.items) {
    const name = isScalar(pair.key) ? pair.key.value : pair.key;
    if (name === key || (bare !== undefined && name === bare)) return String(name);
  }
  return undefined;
}
