import { PageTokenRepeatedError } from "./errors";

/** One page of a list call: its items and the opaque token of the next page (empty or absent = done). */
export interface Page<T> {
  items: T[];
  next?: string;
}

/**
 * Every item of a paged list, page by page. The token is opaque to the walker; a token seen before is an error
 * naming the app (it would loop forever).
 * @throws PageTokenRepeatedError
 */
export async function* walkPages<T>(
  app: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token);
    yield* page.items;
    if (!page.next) return;
    if (seen.has(page.next)) throw new PageTokenRepeatedError(app, page.next);
    seen.add(page.next);
    token = page.next;
  }
}

/** All items of a paged list in one array. */
export async function collectPages<T>(
  app: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const all: T[] = [];
  for await (const item of walkPages(app, fetchPage)) all.push(item);
  return all;
}
