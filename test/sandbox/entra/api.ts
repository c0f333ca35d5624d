/** A bare Graph caller for conformance tests: status, headers and parsed body, no retries. */
import type { EntraEmulator } from "../../../sandbox/entra";

export async function call(
  e: EntraEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers }> {
  const url = path.startsWith("http") ? path : `${e.url}${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${e.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

let n = 0;
export const newUser = (extra: Record<string, unknown> = {}) => {
  n += 1;
  return {
    accountEnabled: true,
    displayName: `Adele ${n}`,
    mailNickname: `adele${n}`,
    userPrincipalName: `adele${n}@example.com`,
    passwordProfile: { forceChangePasswordNextSignIn: true, password: "xWwvJ]6NMw+bWH-d" },
    employeeId: `E${n}`,
    ...extra,
  };
};
