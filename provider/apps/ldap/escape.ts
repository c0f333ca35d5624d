/**
 * Escaping of HR values before they enter a DN (RFC 4514) or a search filter (RFC 4515): no name, email or
 * employee id can change the structure of either. Every DN and filter the connector builds goes through here.
 */

// A string, not a Set: module-level Sets do not survive closure serialization.
const DN_SPECIALS = '"+,;<>\\=';

/**
 * One attribute value as it appears in a DN (RFC 4514 §2.4): `"+,;<>\=` get a backslash, a leading space or `#`
 * and a trailing space are escaped, NUL becomes `\00`. Non-ASCII stays as UTF-8, which the RFC allows.
 * @example escapeDnValue("Smith, John") // "Smith\\, John"
 */
export function escapeDnValue(value: string): string {
  const chars = [...value];
  return chars
    .map((char, index) => {
      if (char === "\0") return "\\00";
      if (DN_SPECIALS.includes(char)) return `\\${char}`;
      if (index === 0 && (char === " " || char === "#")) return `\\${char}`;
      if (index === chars.length - 1 && char === " ") return "\\ ";
      return char;
    })
    .join("");
}

const FILTER_ESCAPES: Record<string, string> = { "*": "\\2a", "(": "\\28", ")": "\\29", "\\": "\\5c", "\0": "\\00" };

/**
 * One assertion value inside a search filter (RFC 4515 §3): `*()\` and NUL become `\XX`; everything else,
 * UTF-8 included, is literal (escaping multi-byte UTF-8 as hex would be mangled by ldapts' filter parser).
 * @example escapeFilterValue("x)(uid=*") // "x\\29\\28uid=\\2a"
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (char) => FILTER_ESCAPES[char]!);
}

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** `(attribute=value)` with the value escaped; attribute names come from code, and are checked anyway. */
export function equals(attribute: string, value: string): string {
  if (!ATTRIBUTE_NAME.test(attribute)) throw new Error(`not an LDAP attribute name: ${JSON.stringify(attribute)}`);
  return `(${attribute}=${escapeFilterValue(value)})`;
}

export const and = (...filters: string[]): string => `(&${filters.join("")})`;
export const or = (...filters: string[]): string => (filters.length === 1 ? filters[0]! : `(|${filters.join("")})`);

/** `attribute=value` for the first component of a DN. */
export function rdn(attribute: string, value: string): string {
  if (!ATTRIBUTE_NAME.test(attribute)) throw new Error(`not an LDAP attribute name: ${JSON.stringify(attribute)}`);
  return `${attribute}=${escapeDnValue(value)}`;
}

/**
 * The parent of a DN as the server returned it: everything after the first comma that is not escaped.
 * Handles `\,` and `\XX` hex pairs; RFC 4514 output never uses quotes, so they are not parsed.
 */
export function parentDn(dn: string): string {
  const comma = firstSeparator(dn);
  return comma < 0 ? "" : dn.slice(comma + 1).trimStart();
}

/** The first component of a DN as the server returned it (`uid=a\\,b` of `uid=a\\,b,ou=people,…`). */
export function firstRdn(dn: string): string {
  const comma = firstSeparator(dn);
  return comma < 0 ? dn : dn.slice(0, comma);
}

function firstSeparator(dn: string): number {
  for (let index = 0; index < dn.length; index += 1) {
    if (dn[index] === "\\") index += 1;
    else if (dn[index] === ",") return index;
  }
  return -1;
}
