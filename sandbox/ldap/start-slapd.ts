/**
 * Starts a real OpenLDAP slapd as a foreground child (`-d 0`, so this process owns the pid and nothing is left
 * daemonized) on 127.0.0.1, in a fresh temporary directory or a persistent one, seeded on first start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "ldapts";
import { DEFAULT_LAYOUT, dnsFor, renderSlapdConf, seedEntries } from "./slapd-config";

/** Where Debian's slapd package puts the server; `IDLC_SLAPD` names another binary (tests hide slapd with it). */
export const SLAPD_PATH = "/usr/sbin/slapd";

export function slapdPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDLC_SLAPD || SLAPD_PATH;
}

/** The one command that installs slapd here (`sudo` unless already root). */
export function slapdInstallCommand(): string {
  return `${process.getuid?.() === 0 ? "" : "sudo "}apt-get install slapd ldap-utils`;
}

export interface SlapdOptions {
  /** Keep the database here between runs; a temporary directory (removed on stop) when absent. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface RunningSlapd {
  url: string;
  bindDN: string;
  password: string;
  baseDN: string;
  peopleDN: string;
  groupsDN: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Why slapd cannot run here, or undefined when it can. */
export function slapdMissing(): string | undefined {
  const file = slapdPath();
  return isExecutableFile(file) ? undefined : `slapd is not installed (${file} missing)`;
}

/** True when slapd can run here, else why not and how to fix it (for `idlc sandbox`). */
export function slapdAvailable(): true | string {
  const missing = slapdMissing();
  return missing ? `${missing}: ${slapdInstallCommand()}` : true;
}

// A file that exists is not enough: a package half-removed, or a binary masked by /dev/null, cannot run.
function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function startSlapd(options: SlapdOptions = {}): Promise<RunningSlapd> {
  const available = slapdAvailable();
  if (available !== true) throw new Error(available);
  const dir = options.dataDir ? path.resolve(options.dataDir) : await mkdtemp(path.join(os.tmpdir(), "idlc-slapd-"));
  await mkdir(path.join(dir, "db"), { recursive: true });
  const fresh = !existsSync(path.join(dir, "db", "data.mdb"));
  const { baseDN, password } = DEFAULT_LAYOUT;
  const dns = dnsFor(baseDN);
  await writeFile(path.join(dir, "slapd.conf"), renderSlapdConf({ dir, baseDN, bindDN: dns.bindDN, password }), {
    mode: 0o600,
  });

  const port = options.port || (await freePort());
  const url = `ldap://127.0.0.1:${port}`;
  const child = spawn(slapdPath(), ["-d", "0", "-f", path.join(dir, "slapd.conf"), "-h", `${url}/`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const cleanup = async () => {
    await stopChild(child);
    if (!options.dataDir) await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => stderr);
    if (fresh) await seed(url, dns.bindDN, password, baseDN);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    url,
    bindDN: dns.bindDN,
    password,
    baseDN,
    peopleDN: dns.peopleDN,
    groupsDN: dns.groupsDN,
    pid: child.pid!,
    stop: cleanup,
  };
}

async function seed(url: string, bindDN: string, password: string, baseDN: string): Promise<void> {
  const client = new Client({ url, timeout: 5000, connectTimeout: 2000 });
  try {
    await client.bind(bindDN, password);
    for (const entry of seedEntries(baseDN)) await client.add(entry.dn, entry.attributes);
  } finally {
    await client.unbind();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// slapd accepts TCP in ~30 ms; poll until then, failing fast (with its stderr) if it exits instead.
async function waitForPort(port: number, child: ChildProcess, stderr: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `slapd exited (${child.exitCode ?? child.signalCode}) before accepting connections: ${stderr().trim()}`,
      );
    }
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(`slapd did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms: ${stderr().trim()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => (socket.destroy(), resolve(false)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
