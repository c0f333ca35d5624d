import { describe, expect, it } from "vitest";
import { UserSnapshot } from "../../../provider/apps/shared";

describe("UserSnapshot", () => {
  it("shares one load between concurrent readers, finds an item by each of its keys, and reloads after the TTL", async () => {
    let t = 0;
    let loads = 0;
    const snapshot = new UserSnapshot(
      async () => [{ id: "U1", email: "a@example.com", n: ++loads }],
      (u) => [u.id, u.email],
      1000,
      () => t,
    );
    await Promise.all([snapshot.ensure(), snapshot.ensure()]);
    expect(loads).toBe(1);
    expect(snapshot.peek("U1")).toEqual({ id: "U1", email: "a@example.com", n: 1 });
    expect(snapshot.peek("a@example.com")?.id).toBe("U1");
    snapshot.invalidate("U1");
    expect(snapshot.peek("U1")).toBeUndefined();
    expect(snapshot.peek("a@example.com")?.id).toBe("U1");
    t = 1000;
    expect(snapshot.peek("a@example.com")).toBeUndefined();
    await snapshot.ensure();
    expect(snapshot.peek("U1")).toEqual({ id: "U1", email: "a@example.com", n: 2 });
  });

  it("does not keep a failed load: the next reader tries again", async () => {
    let calls = 0;
    const snapshot = new UserSnapshot(
      async () => {
        calls++;
        if (calls === 1) throw new Error("503");
        return [{ id: "U1" }];
      },
      (u) => [u.id],
      1000,
    );
    await expect(snapshot.ensure()).rejects.toThrow("503");
    await snapshot.ensure();
    expect(snapshot.peek("U1")).toEqual({ id: "U1" });
  });
});
