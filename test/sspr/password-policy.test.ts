import { describe, expect, it } from "vitest";
import { checkPassword, contextWords, policyFrom, problemMessage, strength } from "../../provider/sspr";

const context = contextWords(["Ada", "Lovelace", "ada.lovelace", "Analytical Engines"]);

describe("password policy (NIST SP 800-63B)", () => {
  it("accepts a long passphrase with no composition rule", () => {
    expect(checkPassword("orbit kettle marmalade lantern", context)).toMatchObject({ ok: true, problems: [] });
  });

  it("refuses fewer than 15 code points by default and counts Unicode by code point", () => {
    expect(checkPassword("zq8#Lm2!vR", context).problems).toContain("too-short");
    // 15 emoji are 30 UTF-16 units but 15 characters as a person counts them.
    const emoji = "🦊🐙🌵🍉🚲🎻🧲🪁🦉🌋🧊🪐🍄🐝🦑";
    expect(checkPassword(emoji, context).codePoints).toBe(15);
    expect(checkPassword(emoji, context).problems).not.toContain("too-short");
  });

  it("allows 64 characters and refuses more", () => {
    const long = "glacier violin pepper tundra mosaic harbor quartz lemon ferns ok";
    expect([...long]).toHaveLength(64);
    expect(checkPassword(long, context).problems).not.toContain("too-long");
    expect(checkPassword(`${long}!`, context).problems).toContain("too-long");
  });

  it.each(["passwordpassword1", "qwertyuiop123456", "iloveyouiloveyou", "123456789012345"])(
    "refuses the common password %s from zxcvbn's breached-password list",
    (password) => {
      expect(checkPassword(password, context).problems).toContain("common");
    },
  );

  it.each(["Lovelace-garden-2026", "my ada.lovelace account", "analytical wombat pasta"])(
    "refuses %s, which holds the person's own or the company's words",
    (password) => {
      expect(checkPassword(password, context).problems).toContain("personal");
    },
  );

  it("gives every problem one clear sentence, naming the configured length", () => {
    expect(problemMessage("too-short", policyFrom({ minLength: 20 }))).toMatch(/at least 20 characters/);
    expect(problemMessage("target-policy")).toMatch(/refused this password/);
  });

  it("never lets the minimum drop below 8 or the maximum below 64", () => {
    expect(() => policyFrom({ minLength: 7 })).toThrow(/floor of 8/);
    expect(() => policyFrom({ maxLength: 32 })).toThrow(/at least 64/);
    expect(policyFrom({ minLength: 8 }).minLength).toBe(8);
  });

  it("meters strength with zxcvbn: a dictionary word scores low, a passphrase high", () => {
    expect(strength("monkey").score).toBeLessThan(2);
    expect(strength("orbit kettle marmalade lantern").score).toBe(4);
  });
});
