/**
 * What the SSPR demo checks on the sandbox, as a person could by hand: a mail in the local inbox, a bind to the real
 * slapd, and the Entra and Google emulators' answer to "does this account hold this password".
 */
import type { SandboxState } from "../sandbox";

/** The first mail to `to` in the sandbox inbox (its JSON view), waiting up to 30 s for it. */
export async function mailTo(inbox: string, to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mails = (await (await fetch(`${inbox}/messages?to=${encodeURIComponent(to)}`)).json()) as {
      subject: string;
      text: string;
    }[];
    const mail = mails.find((m) => subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail matching ${String(subject)} reached ${to} in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether `password` binds as the person in the sandbox's slapd (found by employeeNumber, as idlc finds them). */
export async function bindsInLdap(
  sandbox: SandboxState,
  employeeId: string,
  password: string,
): Promise<{ dn: string; binds: boolean }> {
  const { Client } = await import("ldapts");
  const ldap = sandbox.apps.ldap!;
  const admin = new Client({ url: ldap.url });
  let dn: string;
  try {
    await admin.bind(ldap.extra!.bindDN!, ldap.token);
    const base = ldap.extra!.peopleDN ?? ldap.extra!.baseDN!;
    const found = await admin.search(base, { scope: "sub", filter: `(employeeNumber=${employeeId})` });
    dn = found.searchEntries[0]!.dn;
  } finally {
    await admin.unbind();
  }
  const person = new Client({ url: ldap.url });
  try {
    await person.bind(dn, password);
    return { dn, binds: true };
  } catch {
    return { dn, binds: false };
  } finally {
    await person.unbind().catch(() => undefined);
  }
}

/** The Entra or Google emulator's answer to "does this account hold this password" (a sandbox-only check). */
export async function holdsInEmulator(
  sandbox: SandboxState,
  app: string,
  user: string,
  password: string,
): Promise<boolean> {
  const res = await fetch(`${new URL(sandbox.apps[app]!.url).origin}/_sandbox/password-check`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user, password }),
  });
  return ((await res.json()) as { matches: boolean | null }).matches === true;
}
