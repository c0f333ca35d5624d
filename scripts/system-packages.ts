/**
 * The one list of Debian packages the test suites use, and the pure decision of what to do when some are missing:
 * install them (Debian, as root), or stop with the exact command to run. scripts/test-prerequisites.ts acts on it;
 * test/global-setup.ts checks it again so no suite ever skips for want of a tool.
 */
import { slapdPath } from "../sandbox/ldap";

/** How to tell a package's tool actually works: a command that must exit 0, or a file that must be there. */
export type Probe = { run: [string, ...string[]] } | { file: string };

export interface SystemPackage {
  name: string;
  /** Which tests need it. */
  why: string;
  probe: Probe;
}

export function systemPackages(): SystemPackage[] {
  return [
    { name: "slapd", why: "the LDAP connector runs against a real OpenLDAP", probe: { run: [slapdPath(), "-VV"] } },
    { name: "ldap-utils", why: "OpenLDAP's client tools, beside slapd", probe: { run: ["ldapsearch", "-VV"] } },
    {
      name: "chromium",
      why: "the audit report is checked in a real browser",
      probe: { run: ["/usr/bin/chromium", "--version"] },
    },
    {
      name: "fonts-dejavu-core",
      why: "the report's fonts",
      probe: { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" },
    },
    { name: "tmux", why: "the live view is checked on a real terminal", probe: { run: ["tmux", "-V"] } },
  ];
}

export interface Host {
  root: boolean;
  /** Debian or a derivative, with apt-get. */
  debian: boolean;
}

export type Plan =
  | { action: "ready" }
  | { action: "install"; packages: string[] }
  | { action: "stop"; packages: string[]; command: string };

/** `--reinstall` also repairs a package dpkg lists whose files were deleted; on one not installed it installs. */
export function aptCommand(packages: string[], root: boolean): string {
  return `${root ? "" : "sudo "}apt-get install -y --reinstall --no-install-recommends ${packages.join(" ")}`;
}

export function plan(missing: string[], host: Host): Plan {
  if (missing.length === 0) return { action: "ready" };
  if (host.debian && host.root) return { action: "install", packages: missing };
  const command = host.debian
    ? aptCommand(missing, false)
    : `install ${missing.join(", ")} with your system's package manager (Debian: ${aptCommand(missing, false)})`;
  return { action: "stop", packages: missing, command };
}
