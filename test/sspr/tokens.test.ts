import { describe, expect, it } from "vitest";
import { checkToken, hashToken, issueToken, pruneTokens, TOKEN_MINUTES } from "../../provider/sspr";

const now = Date.parse("2026-12-02T08:00:00Z");

describe("reset tokens", () => {
  it("carry 128 random bits and are stored only as their hash", () => {
    const { token, record } = issueToken("E100", "reset", now);
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    expect(record.hash).toBe(hashToken(token));
    expect(JSON.stringify(record)).not.toContain(token);
    expect(issueToken("E100", "reset", now).token).not.toBe(token);
  });

  it("work for 15 minutes, bound to the person they were issued for", () => {
    const { token, record } = issueToken("E100", "reset", now);
    const ok = checkToken([record], token, now + (TOKEN_MINUTES * 60_000 - 1));
    expect(ok).toEqual({ ok: true, record });
    expect(ok.ok && ok.record.employeeId).toBe("E100");
    expect(checkToken([record], token, now + TOKEN_MINUTES * 60_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("are single use", () => {
    const { token, record } = issueToken("E100", "reset", now);
    expect(checkToken([{ ...record, usedAt: now }], token, now + 1)).toEqual({ ok: false, reason: "used" });
  });

  it.each(["", "short", "x".repeat(22), "../../etc/passwd", `${"A".repeat(21)}=`])("reject %j", (token) => {
    const { record } = issueToken("E100", "reset", now);
    expect(checkToken([record], token, now)).toEqual({ ok: false, reason: "unknown" });
  });

  it("prune only records expired for more than a day", () => {
    const fresh = issueToken("E1", "reset", now).record;
    const old = issueToken("E2", "reset", now - 2 * 86_400_000).record;
    expect(pruneTokens([fresh, old], now)).toEqual([fresh]);
  });
});
