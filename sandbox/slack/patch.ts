import { z } from "zod";
import { badRequest } from "./errors";
import { PATCH_OP_URN } from "./urns";

type Json = Record<string, unknown>;

const PatchBody = z.object({
  schemas: z.array(z.string()),
  Operations: z
    .array(z.object({ op: z.string(), path: z.string().optional(), value: z.unknown().optional() }).loose())
    .min(1),
});

interface ParsedPath {
  /** Object keys from the document root down to the attribute. */
  keys: string[];
  /** `attr[sub eq value]`: applies to the items of the array at `keys`. */
  filter?: { sub: string; value: string };
  /** `attr[filter].sub`: the field of each matching item. */
  itemField?: string;
}

const SIMPLE = /^([A-Za-z][\w$-]*)(?:\[\s*(\w+)\s+eq\s+(.+?)\s*\])?(?:\.([A-Za-z][\w$.-]*))?$/i;

/** Paths from the Slack docs: `active`, `name.givenName`, `emails[primary eq false]`, `members[value eq U1]`, URN forms. */
export function parsePath(path: string, extensionUrns: string[]): ParsedPath {
  const urn = extensionUrns.find((u) => path.toLowerCase().startsWith(u.toLowerCase()));
  if (urn) {
    const rest = path.slice(urn.length);
    if (rest === "") return { keys: [urn] };
    if (rest[0] !== ":" && rest[0] !== ".") throw badRequest("invalid_request_payload");
    return { keys: [urn, ...rest.slice(1).split(".")] };
  }
  const m = SIMPLE.exec(path.trim());
  if (!m) throw badRequest("invalid_request_payload");
  const [, attr, sub, rawValue, tail] = m;
  if (!sub) return { keys: [attr!, ...(tail ? tail.split(".") : [])] };
  const value = rawValue!.replace(/^"(.*)"$/, "$1").replace(/\\(["\\])/g, "$1");
  return { keys: [attr!], filter: { sub, value }, itemField: tail };
}

/** SCIM attribute names are case-insensitive: reuse the document's spelling when one exists. */
function keyIn(obj: Json, key: string): string {
  return Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
}

function parentOf(doc: Json, keys: string[], create: boolean): [Json, string] | undefined {
  let node = doc;
  for (const key of keys.slice(0, -1)) {
    const k = keyIn(node, key);
    if (node[k] === null || typeof node[k] !== "object") {
      if (!create) return undefined;
      node[k] = {};
    }
    node = node[k] as Json;
  }
  return [node, keyIn(node, keys[keys.length - 1]!)];
}

const matches = (item: unknown, f: { sub: string; value: string }) =>
  item !== null &&
  typeof item === "object" &&
  String((item as Json)[keyIn(item as Json, f.sub)]).toLowerCase() === f.value.toLowerCase();

function applyFiltered(doc: Json, op: string, p: ParsedPath, value: unknown): void {
  const [parent, key] = parentOf(doc, p.keys, true)!;
  const items = Array.isArray(parent[key]) ? (parent[key] as unknown[]) : [];
  const hit = items.filter((i) => matches(i, p.filter!));
  if (op === "remove") {
    parent[key] = p.itemField ? items : items.filter((i) => !hit.includes(i));
    if (p.itemField) for (const i of hit) delete (i as Json)[keyIn(i as Json, p.itemField)];
    return;
  }
  if (p.itemField) {
    for (const i of hit) (i as Json)[keyIn(i as Json, p.itemField)] = value;
    return;
  }
  const replacement = Array.isArray(value) ? value : [value];
  parent[key] = [...items.filter((i) => !hit.includes(i)), ...replacement];
}

function applyAt(doc: Json, op: string, p: ParsedPath, value: unknown): void {
  if (p.filter) return applyFiltered(doc, op, p, value);
  const found = parentOf(doc, p.keys, op !== "remove");
  if (!found) return;
  const [parent, key] = found;
  if (op === "remove") delete parent[key];
  else if (op === "add" && Array.isArray(parent[key]))
    parent[key] = [...(parent[key] as unknown[]), ...(Array.isArray(value) ? value : [value])];
  // RFC 7644 §3.5.2.3: sub-attributes a complex value leaves out are unchanged, for add and replace alike.
  else if (isObject(parent[key]) && isObject(value)) parent[key] = { ...(parent[key] as Json), ...value };
  else parent[key] = value;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export type PatchOperation = z.infer<typeof PatchBody>["Operations"][number] & { op: "add" | "replace" | "remove" };

/** The operations of a v2 PatchOp body, each `op` lower-cased. */
export function patchOperations(body: unknown): PatchOperation[] {
  const parsed = PatchBody.safeParse(body);
  if (!parsed.success || !parsed.data.schemas.includes(PATCH_OP_URN)) throw badRequest("missing_schema_element");
  return parsed.data.Operations.map((operation) => {
    const op = operation.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") throw badRequest("invalid_request_payload");
    return { ...operation, op };
  });
}

/**
 * Apply a v2 PatchOp's operations (`patchOperations`) to a copy of `current`; the caller re-validates the result like
 * a PUT body.
 */
export function applyPatch(current: Json, operations: readonly PatchOperation[], extensionUrns: string[]): Json {
  const doc = structuredClone(current);
  for (const { op, path, value } of operations) {
    if (path) applyAt(doc, op, parsePath(path, extensionUrns), value);
    else if (op !== "remove" && isObject(value)) {
      for (const [k, v] of Object.entries(value)) applyAt(doc, op, { keys: [k] }, v);
    } else throw badRequest("invalid_request_payload");
  }
  return doc;
}
