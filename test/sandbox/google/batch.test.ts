import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleEmulator, type GoogleEmulator } from "../../../sandbox/google";
import { newUser } from "./api";

let e: GoogleEmulator;
beforeAll(async () => {
  e = await startGoogleEmulator();
});
afterAll(() => e.stop());

const part = (id: string, requestLine: string, body?: unknown) =>
  `--b\r\nContent-Type: application/http\r\nContent-ID: <${id}>\r\n\r\n${requestLine}\r\n` +
  (body === undefined ? "\r\n" : `Content-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`);

async function batch(parts: string[]): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${e.url.replace("/admin/directory/v1", "")}/batch/admin/directory/v1`, {
    method: "POST",
    headers: { authorization: `Bearer ${e.token}`, "content-type": "multipart/mixed; boundary=b" },
    body: `${parts.join("")}--b--\r\n`,
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("Directory API batch (multipart/mixed)", () => {
  it("answers one application/http part per call, matched by Content-ID, each with its own status", async () => {
    const { status, type, text } = await batch([
      part("1", "POST /admin/directory/v1/users", newUser("batched")),
      part("2", "GET /admin/directory/v1/users/nobody@example.com"),
    ]);
    expect(status).toBe(200);
    expect(type).toMatch(/^multipart\/mixed; boundary=/);
    const boundary = /boundary=([^;\s]+)/.exec(type)![1];
    const answers = text.split(`--${boundary}`).filter((p) => p.includes("Content-ID"));
    const byId = Object.fromEntries(
      answers.map((a) => [/Content-ID: <response-(\w+)>/.exec(a)![1], /HTTP\/1\.1 (\d+)/.exec(a)![1]]),
    );
    expect(byId).toEqual({ "1": "200", "2": "404" });
    expect(e.control.user("batched@example.com")).toBeDefined();
  });

  it("refuses more than 1000 calls", async () => {
    const parts = Array.from({ length: 1001 }, (_, i) =>
      part(String(i), "GET /admin/directory/v1/users/x@example.com"),
    );
    expect((await batch(parts)).status).toBe(400);
  });
});
