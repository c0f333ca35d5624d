/** What `idlc config`, `config get` and `config set` do once parsed (cli/commands/config.ts defines them). */
import { resolve } from "node:path";
import {
  findProject,
  listStackConfig,
  loadStackConfig,
  namespacedKey,
  openStackSecrets,
  resolveStackName,
  setStackConfigValue,
  type Project,
} from "../../engine/project";
import { passphraseFromEnv } from "../../engine/secrets";
import { openBackend } from "../../engine/state";
import { UsageError } from "../exit";

export interface StackFlags {
  stack?: string;
  cwd?: string;
}

function locate(flags: StackFlags): { project: Project; stack: string } {
  const project = findProject(resolve(flags.cwd ?? process.cwd()));
  return { project, stack: resolveStackName(project, flags.stack) };
}

/** Pulumi shows the project's own keys without their namespace. */
function displayKey(project: Project, key: string): string {
  return key.startsWith(`${project.name}:`) ? key.slice(project.name.length + 1) : key;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export async function list(flags: StackFlags & { json?: boolean }): Promise<void> {
  const { project, stack } = locate(flags);
  const { entries } = await listStackConfig(project, stack);
  if (flags.json) {
    const json = Object.fromEntries(
      entries.map((e) => [e.key, e.secret ? { secret: true } : { value: e.value, secret: false }]),
    );
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const rows = entries.map((e) => [displayKey(project, e.key), e.secret ? "[secret]" : (e.value ?? "")] as const);
  const width = Math.max(3, ...rows.map(([key]) => key.length));
  process.stdout.write(`${"KEY".padEnd(width)}  VALUE\n`);
  for (const [key, value] of rows) process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
}

export async function get(key: string, flags: StackFlags & { json?: boolean }): Promise<void> {
  const { project, stack } = locate(flags);
  const fullKey = namespacedKey(project.name, key);
  const { entries } = await listStackConfig(project, stack);
  const entry = entries.find((e) => e.key === fullKey);
  if (!entry)
    throw new UsageError(
      `config key ${fullKey} is not set for stack ${stack}`,
      `set it with \`idlc config set ${key} VALUE --stack ${stack}\``,
    );
  let value = entry.value;
  if (entry.secret) {
    const secrets = await openStackSecrets(project, stack, { passphrase: passphraseFromEnv(), persist: false });
    value = (await loadStackConfig(project, stack, secrets)).config[fullKey];
  }
  process.stdout.write(flags.json ? `${JSON.stringify({ value, secret: entry.secret })}\n` : `${value ?? ""}\n`);
}

export async function set(
  key: string,
  value: string | undefined,
  flags: StackFlags & { secret?: boolean },
): Promise<void> {
  const { project, stack } = locate(flags);
  if (value === undefined && !flags.secret)
    throw new UsageError("config set needs a VALUE", "pass the value, or use --secret to read it from stdin");
  if (!flags.secret) return setStackConfigValue(project, stack, key, value!);
  // Reading from stdin keeps the secret out of shell history and process listings.
  const plaintext = value ?? (await readStdin());
  const { encryptionSalt } = await listStackConfig(project, stack);
  const stateSalt = encryptionSalt
    ? undefined
    : saltOf((await openBackend({ project }).exportStack(stack)).deployment.secrets_providers?.state);
  const secrets = await openStackSecrets(project, stack, {
    passphrase: passphraseFromEnv(),
    persist: false,
    ...(stateSalt ? { fallbackSalt: stateSalt } : {}),
  });
  await setStackConfigValue(project, stack, key, plaintext, { secret: true, secrets });
}

function saltOf(state: unknown): string | undefined {
  const salt = (state as { salt?: unknown } | undefined)?.salt;
  return typeof salt === "string" ? salt : undefined;
}
