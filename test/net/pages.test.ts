import { describe, expect, it } from "vitest";
import { collectPages, PageTokenRepeatedError } from "../../provider/net";

describe("walkPages", () => {
  it("follows opaque tokens until an empty one", async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      "": { items: [1, 2], next: "b" },
      b: { items: [3], next: "c" },
      c: { items: [], next: "" },
    };
    const asked: Array<string | undefined> = [];
    const all = await collectPages("demo", async (token) => {
      asked.push(token);
      return pages[token ?? ""]!;
    });
    expect(all).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, "b", "c"]);
  });

  it("fails naming the app when a token comes back twice", async () => {
    const walk = collectPages("slack", async (token) => ({ items: [1], next: token === "x" ? "y" : "x" }));
    await expect(walk).rejects.toBeInstanceOf(PageTokenRepeatedError);
    await expect(collectPages("slack", async () => ({ items: [], next: "same" }))).rejects.toThrow(
      /slack: .*page token 'same'/,
    );
  });
});
