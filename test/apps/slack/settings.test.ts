import { describe, expect, it } from "vitest";
import { slackAccountProvider as p } from "../../../provider/apps/slack";

const configure = (value: unknown) =>
  p.configure!({
    config: {
      get: (key: string) => (key === "identity:slack" && value !== undefined ? JSON.stringify(value) : undefined),
    },
  } as never);

describe("identity:slack settings", () => {
  it("names the missing key and how to set it", async () => {
    await expect(configure(undefined)).rejects.toMatchObject({
      code: "APP_SETTINGS_INVALID",
      message: expect.stringContaining("identity:slack"),
    });
  });

  it("names the bad field", async () => {
    await expect(configure({ baseUrl: "https://api.slack.com/", token: "xoxp-1" })).rejects.toMatchObject({
      message: expect.stringContaining("identity:slack.baseUrl"),
    });
    await expect(configure({ baseUrl: "https://api.slack.com/scim/v2", token: "" })).rejects.toMatchObject({
      message: expect.stringContaining("identity:slack.token"),
    });
  });

  it("refuses a provider call before configure", async () => {
    await expect(p.read!("U1", { slackId: "U1" } as never)).rejects.toMatchObject({ code: "APP_NOT_CONFIGURED" });
  });
});
