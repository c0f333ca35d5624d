import { describe, expect, it } from "vitest";
import { programEnv } from "../../engine/host";

describe("programEnv", () => {
  it("passes config as the Go host does: `<ns>:config:<key>` keys, string values, secret keys listed", () => {
    const env = programEnv({
      config: { "p:greeting": "hello", "p:apiKey": "s3cret", "p:config:already": "x", "p:obj": '{"a":1}' },
      secretKeys: ["p:apiKey"],
      typescript: false,
      project: "p",
      stack: "dev",
    });
    expect(JSON.parse(env.PULUMI_CONFIG!)).toEqual({
      "p:config:greeting": "hello",
      "p:config:apiKey": "s3cret",
      "p:config:already": "x",
      "p:config:obj": '{"a":1}',
    });
    expect(JSON.parse(env.PULUMI_CONFIG_SECRET_KEYS!)).toEqual(["p:apiKey"]);
    expect(env).toMatchObject({
      PULUMI_NODEJS_TYPESCRIPT: "false",
      PULUMI_NODEJS_PROJECT: "p",
      PULUMI_NODEJS_STACK: "dev",
      PULUMI_NODEJS_ORGANIZATION: "organization",
    });
  });
});
