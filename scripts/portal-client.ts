/**
 * A browser stand-in for the reset portal: keeps the CSRF cookie and reads the form's hidden csrf field from the
 * last page, so the SSPR demo and the tests walk the portal over HTTP as a person's browser would.
 */
export interface Page {
  status: number;
  html: string;
  headers: Headers;
}

export class Browser {
  private cookie = "";
  csrf = "";
  constructor(private readonly base: string) {}

  async get(pathname: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.remember(await fetch(new URL(pathname, this.base), { headers: { ...headers, cookie: this.cookie } }));
  }

  async post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    return this.remember(
      await fetch(new URL(pathname, this.base), {
        method: "POST",
        headers: { ...headers, cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  private async remember(response: Response): Promise<Page> {
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    const html = await response.text();
    this.csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { status: response.status, html, headers: response.headers };
  }
}

/** The link in a mail, as the person would click it. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`no link in mail: ${text}`);
  return match[0];
}
