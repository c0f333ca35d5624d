/**
 * Calls straight to a SCIM server (a SCIMMY sandbox, the Slack emulator), as an admin of the app would make them:
 * not through the providers, so nothing the process keeps learns of them.
 */
export function scimAdmin(url: string, token: string) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

export const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
