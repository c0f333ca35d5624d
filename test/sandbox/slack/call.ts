import type { SlackEmulator } from "../../../sandbox/slack";

export const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A raw HTTP caller for conformance tests: they check the wire, so they do not go through provider/net. */
export function caller(emu: SlackEmulator, token = emu.token) {
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(emu.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

export const newUser = (userName: string, email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER],
  userName,
  emails: [{ value: email, primary: true }],
  ...extra,
});

export const patchOps = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });

export const slackError = (status: number, detail: string) => ({ schemas: [ERROR], detail, status });
