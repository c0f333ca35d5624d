/**
 * The wire: one bound ldapts connection per provider call, always unbound in `finally` (a client whose bind
 * failed otherwise keeps its socket, and the process, alive). ldapts is required lazily, inside the function,
 * because the provider is serialized by value. Failures become LdapError here and nowhere else.
 */
import { bindFailure, ldapFailure } from "./errors";
import type { LdapSettings } from "./settings";

/** A search result with attribute names lower-cased and every value an array. */
export interface LdapEntry {
  dn: string;
  attrs: Record<string, string[]>;
}

/** Text values, or binary ones (AD `unicodePwd`); ldapts takes one kind per attribute. */
export type LdapValues = string[] | Buffer[];

export interface LdapChange {
  operation: "add" | "replace" | "delete";
  type: string;
  values: LdapValues;
}

export interface LdapSession {
  /** Subtree (or `scope`) search; a missing base is an empty result, not an error. */
  search(base: string, filter: string, attributes: string[], scope?: "base" | "one" | "sub"): Promise<LdapEntry[]>;
  add(dn: string, attributes: Record<string, LdapValues>): Promise<void>;
  modify(dn: string, changes: LdapChange[]): Promise<void>;
  /** modifyDN to a new RDN under the same parent, dropping the old RDN value. */
  rename(dn: string, newRdn: string): Promise<void>;
  remove(dn: string): Promise<void>;
}

const NO_SUCH_OBJECT = 32;

export async function withLdap<T>(settings: LdapSettings, work: (session: LdapSession) => Promise<T>): Promise<T> {
  const ldapts = require("ldapts") as typeof import("ldapts");
  const client = new ldapts.Client({ url: settings.url, timeout: 15_000, connectTimeout: 5_000 });
  try {
    try {
      await client.bind(settings.bindDN, settings.bindPassword);
    } catch (error) {
      throw bindFailure(settings.url, settings.bindDN, error);
    }
    const run = async <R>(operation: string, dn: string, call: () => Promise<R>): Promise<R> => {
      try {
        return await call();
      } catch (error) {
        throw ldapFailure(operation, dn, error);
      }
    };
    return await work({
      search: (base, filter, attributes, scope = "sub") =>
        run("search", base, async () => {
          try {
            const { searchEntries } = await client.search(base, {
              scope,
              filter,
              attributes,
              paged: { pageSize: 500 },
            });
            return searchEntries.map(normalizeEntry);
          } catch (error) {
            if ((error as { code?: number }).code === NO_SUCH_OBJECT) return [];
            throw error;
          }
        }),
      add: (dn, attributes) =>
        run("add", dn, () =>
          client.add(
            dn,
            Object.entries(attributes).map(([type, values]) => new ldapts.Attribute({ type, values })),
          ),
        ),
      modify: (dn, changes) =>
        run("modify", dn, () =>
          client.modify(
            dn,
            changes.map(
              (change) =>
                new ldapts.Change({
                  operation: change.operation,
                  modification: new ldapts.Attribute({ type: change.type, values: change.values }),
                }),
            ),
          ),
        ),
      rename: (dn, newRdn) => run("rename", dn, () => client.modifyDN(dn, newRdn)),
      remove: (dn) => run("delete", dn, () => client.del(dn)),
    });
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

function normalizeEntry(entry: { dn: string; [key: string]: unknown }): LdapEntry {
  const attrs: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === "dn") continue;
    attrs[key.toLowerCase()] = [value]
      .flat()
      .map((item) => (Buffer.isBuffer(item) ? item.toString("utf8") : String(item)));
  }
  return { dn: entry.dn, attrs };
}
