/** A bare Directory API caller for conformance tests: status and parsed body, no retries. */
import type { GoogleEmulator } from "../../../sandbox/google";

export async function call(
  e: GoogleEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${e.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${e.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export const newUser = (local: string, extra: Record<string, unknown> = {}) => ({
  primaryEmail: `${local}@example.com`,
  name: { givenName: "Liz", familyName: "Smith" },
  password: "correct-horse",
  ...extra,
});
