import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDeployment } from "../../engine/state";
import {
  accessAsOf,
  AuditSourceError,
  parseHistoryEntry,
  parseTime,
  readBackendHistory,
  readExportedHistory,
  type AuditAccount,
} from "../../provider/audit";
import { PASSWORD_ENVELOPE, PROJECT, STACK } from "../fixtures/audit/generate";
import { scripted, T, type Scripted } from "./scripted";

let s: Scripted;
beforeAll(async () => {
  s = await scripted();
});
afterAll(() => s.cleanup());

describe("diy backend reader", () => {
  it("reads every update oldest first with its time, environment and checkpoint", () => {
    expect(s.updates.map((u) => [u.version, u.endTime])).toEqual(Object.entries(T).map(([v, t]) => [Number(v), t]));
    const first = s.updates[0]!;
    expect(first).toMatchObject({
      kind: "update",
      result: "succeeded",
      startTime: "2026-01-08T09:58:30.000Z",
      message: "Adopt existing accounts; Ada Joiner pre-hire",
    });
    expect(first.environment).toMatchObject({
      gitHead: "c1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      gitAuthor: "Alice Admin",
      ciSystem: "GitHub",
      ciRun: "https://ci.example.com/acme/identity/actions/runs/101",
      execKind: "idlc",
    });
    expect(s.updates[5]!.environment.ciRun).toBeUndefined();
    expect(first.source.checkpoint).toMatch(/audit-1767866400000000000\.checkpoint\.json$/);
  });

  it("the fixture checkpoints are valid Pulumi v3 deployments", () => {
    for (const u of s.updates) {
      const checkpoint = JSON.parse(readFileSync(u.source.checkpoint!, "utf8"));
      expect(checkpoint.version).toBe(3);
      expect(validateDeployment({ version: 3, deployment: checkpoint.checkpoint.latest })).toEqual({
        valid: true,
        errors: [],
      });
    }
  });

  it("keeps only idlc accounts and groups, reads the spec from outputs, and leaves secrets as ciphertext", () => {
    const resources = s.updates[0]!.resources!;
    expect(
      resources.filter((r) => r.kind === "group").map((r) => `${r.appKey}/${r.kind === "group" ? r.name : ""}`),
    ).toEqual(["slack/engineering", "slack/sales", "google/all-staff", "google/admins", "scim:github/maintainers"]);
    const kim = resources.find(
      (r) => r.kind === "account" && r.appKey === "google" && r.employeeId === "E500",
    ) as AuditAccount;
    expect(kim).toMatchObject({
      app: "google",
      enabled: true,
      admin: true,
      lifecycle: "active",
      groups: ["admins", "all-staff"],
      sealed: ["initialPassword"],
    });
    expect(kim.outputs.initialPassword).toEqual(PASSWORD_ENVELOPE);
    expect(kim.outputs.__provider).toBeUndefined();
    const github = s.updates[2]!.resources!.find(
      (r) => r.appKey === "scim:github" && r.kind === "account",
    ) as AuditAccount;
    expect(github).toMatchObject({ app: "scim", employeeId: "E200", groups: ["maintainers"] });
  });

  it("reads gzip-compressed history entries (PULUMI_DIY_BACKEND_GZIP)", () => {
    const dir = path.join(s.backend.root, "gz", ".pulumi", "history", PROJECT, STACK);
    mkdirSync(dir, { recursive: true });
    const [history, checkpoint] = [s.updates[1]!.source.history!, s.updates[1]!.source.checkpoint!];
    writeFileSync(path.join(dir, `${path.basename(history)}.gz`), gzipSync(readFileSync(history)));
    writeFileSync(path.join(dir, `${path.basename(checkpoint)}.gz`), gzipSync(readFileSync(checkpoint)));
    const [update] = readBackendHistory({
      backendDir: path.join(s.backend.root, "gz"),
      project: PROJECT,
      stack: STACK,
    });
    expect(update!.endTime).toBe(T[2]);
    expect(update!.resources).toHaveLength(s.updates[1]!.resources!.length);
  });

  it("a stack without history is an error naming the directory", () => {
    expect(() => readBackendHistory({ backendDir: s.backend.root, project: PROJECT, stack: "nope" })).toThrow(
      /no history for stack identity\/nope in .*history\/identity\/nope/,
    );
  });

  it("a damaged history entry is an error naming the file and field", () => {
    expect(() => parseHistoryEntry('{"kind":"update","startTime":"yesterday"}', "x.history.json")).toThrow(
      AuditSourceError,
    );
    expect(() => parseHistoryEntry('{"kind":"update","startTime":"yesterday"}', "x.history.json")).toThrow(
      /x\.history\.json: startTime:/,
    );
    expect(() => parseHistoryEntry("{", "y.history.json")).toThrow(/y\.history\.json is not JSON/);
  });
});

describe("exported files", () => {
  it("`pulumi stack history --json` plus exports answer like the backend", () => {
    const updates = readExportedHistory({
      historyFile: s.backend.historyJson,
      exportFiles: Object.values(s.backend.exportFiles),
    });
    expect(updates.map((u) => u.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(updates[2]!.environment.gitAuthor).toBe("Alice Admin");
    for (const date of ["2026-01-10", "2026-02-15", "2026-03-15"]) {
      expect(accessAsOf(updates, date).rows).toEqual(accessAsOf(s.updates, date).rows);
    }
  });

  it("updates without an export are reported, and the last known state answers", () => {
    const updates = readExportedHistory({
      historyFile: s.backend.historyJson,
      exportFiles: [s.backend.exportFiles[1]!, s.backend.exportFiles[2]!],
    });
    expect(updates[2]!.resources).toBeUndefined();
    const result = accessAsOf(updates, "2026-02-15");
    expect(result.basedOn?.version).toBe(2);
    expect(result.unknownUpdates).toEqual([3]);
  });

  it("exports alone stand for one update each", () => {
    const updates = readExportedHistory({ exportFiles: [s.backend.exportFiles[6]!, s.backend.exportFiles[3]!] });
    expect(updates.map((u) => [u.version, u.endTime])).toEqual([
      [1, T[3]],
      [2, T[6]],
    ]);
  });

  it("parses the CLI's time formats: RFC 3339 / RFC 5424 and Go's time.String()", () => {
    expect(parseTime("2026-03-02T08:00:00.000Z", "h.json")).toBe("2026-03-02T08:00:00.000Z");
    expect(parseTime("2026-03-02T09:00:00.000+01:00", "h.json")).toBe("2026-03-02T08:00:00.000Z");
    expect(parseTime("2026-03-02 08:00:00 +0000 UTC", "h.json")).toBe("2026-03-02T08:00:00.000Z");
    expect(() => parseTime("last tuesday", "h.json")).toThrow(/h\.json: "last tuesday" is not a time/);
  });
});
