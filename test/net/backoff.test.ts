import { describe, expect, it } from "vitest";
import { backoffDelay, defaultRetryPolicy, nextDelay, parseRetryAfter } from "../../provider/net";

const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

describe("backoffDelay", () => {
  it("doubles the ceiling each retry and draws below it", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(2, policy, () => 0)).toBe(0);
  });
  it("never exceeds maxDelayMs", () => {
    expect(backoffDelay(20, policy, () => 1)).toBe(1000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it.each([
    ["120", 120_000],
    ["0", 0],
    [" 2 ", 2000],
    ["1.5", 1500],
    ["Wed, 01 Jan 2025 00:00:30 GMT", 30_000],
    ["Tue, 31 Dec 2024 23:00:00 GMT", 0],
  ])("reads %j as %d ms", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
  it.each([[undefined], [null], [""], ["soon"], ["-5"]])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("nextDelay", () => {
  it("waits exactly what Retry-After asks, else backs off", () => {
    expect(nextDelay(0, 5000, policy, () => 1)).toBe(5000);
    expect(nextDelay(1, undefined, policy, () => 1)).toBe(200);
  });
});
