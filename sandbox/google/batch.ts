import express, { Router } from "express";
import { STATUS_CODES } from "node:http";
import { GoogleApiError } from "./errors";

interface InnerRequest {
  contentId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Splits a multipart/mixed body into its parts' inner HTTP requests (`Content-Type: application/http`). */
export function parseBatch(body: string, boundary: string): InnerRequest[] {
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"));
  return parts.map((part, i) => {
    const [outerHead = "", ...rest] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const contentId = /content-id:\s*<?([^>\r\n]+)>?/i.exec(outerHead)?.[1]?.trim() ?? String(i + 1);
    const [innerHead = "", ...bodyParts] = rest.join("\n\n").split(/\r?\n\r?\n/);
    const [requestLine = "", ...headerLines] = innerHead.split(/\r?\n/);
    const [method, path] = requestLine.trim().split(/\s+/);
    if (!method || !path)
      throw new GoogleApiError(400, "invalid", `Invalid Input: batch part ${i + 1} has no request line`);
    const headers = Object.fromEntries(
      headerLines
        .map((l) => l.split(/:\s*/, 2))
        .filter((kv) => kv.length === 2)
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
    return { contentId, method, path, headers, body: bodyParts.join("\n\n").trim() };
  });
}

/**
 * `POST /batch/admin/directory/v1`: up to 1,000 calls to this API in one multipart/mixed request. Each part is
 * replayed against the API itself (so each counts against quota and can fail on its own); the answer is
 * multipart/mixed with one `Content-ID: response-<id>` part per call, in no guaranteed order.
 */
export function batchRouter(origin: () => string): Router {
  const router = Router();
  router.post(
    "/batch/admin/directory/v1",
    express.text({ type: "multipart/mixed", limit: "20mb" }),
    async (req, res) => {
      const boundary = /boundary=("?)([^";]+)\1/i.exec(req.headers["content-type"] ?? "")?.[2];
      if (!boundary || typeof req.body !== "string")
        throw new GoogleApiError(400, "invalid", "Invalid Input: expected multipart/mixed with a boundary");
      const calls = parseBatch(req.body, boundary);
      if (calls.length > 1000)
        throw new GoogleApiError(400, "invalid", "Invalid Input: a batch holds at most 1000 calls");
      const answers = await Promise.all(
        calls.map(async (c) => {
          const inner = await fetch(`${origin()}${c.path}`, {
            method: c.method,
            headers: { ...c.headers, authorization: String(req.headers.authorization ?? "") },
            body: c.body === "" ? undefined : c.body,
          });
          const text = await inner.text();
          const type = inner.headers.get("content-type");
          return `Content-Type: application/http\r\nContent-ID: <response-${c.contentId}>\r\n\r\nHTTP/1.1 ${inner.status} ${STATUS_CODES[inner.status] ?? ""}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n${text}\r\n`;
        }),
      );
      const out = `batch_${Date.now().toString(36)}`;
      // Google does not promise an order; reversing keeps clients honest about matching by Content-ID.
      const text = `${answers
        .reverse()
        .map((a) => `--${out}\r\n${a}`)
        .join("")}--${out}--\r\n`;
      // A Buffer, so express adds no charset parameter to the multipart type.
      res.set("Content-Type", `multipart/mixed; boundary=${out}`).send(Buffer.from(text));
    },
  );
  return router;
}
