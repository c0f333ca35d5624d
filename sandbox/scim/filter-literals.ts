/**
 * Fixes SCIMMY 1.3.5's filter string literals. Its tokenizer ends a string at the first `"` even when escaped
 * (`userName eq "Zoë \"Z\" Ng"` is a 400) and never decodes escapes (`"back\\slash"` stays two backslashes),
 * while RFC 7644 §3.4.2.2 makes a compValue a JSON string. We rewrite every literal holding an escape into an
 * escape-free placeholder SCIMMY can tokenise, then decode placeholders in the parsed expression before matching.
 */

const marker = "~idlc~";

/** Replaces JSON string literals that contain escapes with `"~idlc~<base64url of the decoded value>"`. */
export function encodeFilterLiterals(filter: string): string {
  return filter.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => {
    if (!literal.includes("\\")) return literal;
    try {
      return `"${marker}${Buffer.from(JSON.parse(literal) as string, "utf8").toString("base64url")}"`;
    } catch {
      return literal; // not valid JSON: leave it for SCIMMY to reject as invalidFilter
    }
  });
}

/**
 * A parsed SCIMMY filter expression (plain JSON copy) with placeholders decoded, and every `userName` comparison
 * value lower-cased: userName is `caseExact:false` (RFC 7643 §4.1.1), so matching runs on lower-cased records.
 */
export function decodeFilterExpression(expression: unknown, key = ""): unknown {
  if (typeof expression === "string") {
    const value = expression.startsWith(marker)
      ? Buffer.from(expression.slice(marker.length), "base64url").toString("utf8")
      : expression;
    return /^username$/i.test(key) ? value.toLowerCase() : value;
  }
  if (Array.isArray(expression)) return expression.map((item) => decodeFilterExpression(item, key));
  if (expression && typeof expression === "object") {
    return Object.fromEntries(Object.entries(expression).map(([k, v]) => [k, decodeFilterExpression(v, k)]));
  }
  return expression;
}
