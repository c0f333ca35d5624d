/**
 * The portal log's appender and its head file: two processes appending to one log (the portal and a helpdesk's
 * `idlc sspr send-link`) keep one intact chain; the head file moves forward with every event; and once the log no
 * longer holds what the head file recorded, appending does not paper over the cut.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { eventChainAppender, headFileOf, readEventChain, verifyEventLog } from "../../provider/audit";

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), "idlc-event-log-")), "audit.jsonl");

describe("the portal log's appender", () => {
  it("keeps one chain when two appenders take turns, and pins each new head", () => {
    const log = fresh();
    const portal = eventChainAppender(log);
    const helpdesk = eventChainAppender(log);
    portal({ type: "sspr.requested", employeeId: "E1" });
    helpdesk({ type: "sspr.helpdesk-requested", employeeId: "E2" });
    portal({ type: "sspr.link-sent", employeeId: "E1" });
    const { events, verification } = readEventChain(log);
    expect(verification).toMatchObject({ ok: true, verified: 3 });
    expect(JSON.parse(readFileSync(headFileOf(log), "utf8"))).toEqual({ events: 3, head: events[2]!.hash });
    expect(verifyEventLog(log, { required: true })).toMatchObject({ ok: true, pinsChecked: 1 });
  });

  it("creates an empty log when it starts, so a portal that ran is told from a deleted log", () => {
    const log = fresh();
    eventChainAppender(log);
    expect(readFileSync(log, "utf8")).toBe("");
    expect(verifyEventLog(log, { required: true })).toMatchObject({ ok: true, verified: 0 });
    expect(verifyEventLog(`${log}.gone`, { required: true })).toMatchObject({ ok: false, missing: true });
  });

  it("leaves the head file alone once the log was cut, so verification still fails after more events", () => {
    const log = fresh();
    const append = eventChainAppender(log);
    for (const type of ["sspr.requested", "sspr.link-sent", "sspr.link-used"]) append({ type });
    const pinned = readFileSync(headFileOf(log), "utf8");
    writeFileSync(log, `${readFileSync(log, "utf8").split("\n").slice(0, 1).join("\n")}\n`);
    const warn = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      eventChainAppender(log)({ type: "sspr.requested" });
      expect(String(warn.mock.calls[0]?.[0])).toContain("no longer matches");
    } finally {
      warn.mockRestore();
    }
    expect(readFileSync(headFileOf(log), "utf8")).toBe(pinned);
    expect(verifyEventLog(log).pinMismatch).toMatchObject({ events: 3, by: headFileOf(log) });
  });
});
