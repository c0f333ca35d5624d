import { z } from "zod";
import { describe, expect, it } from "vitest";
import { entraSettingsSchema } from "../../../provider/apps/entra";
import { googleSettingsSchema } from "../../../provider/apps/google";
import { slackSettingsSchema } from "../../../provider/apps/slack";

// A real stack names only its tenant and credentials: the vendors' API roots are the defaults.
describe("app settings default to the vendors' production endpoints", () => {
  it("Slack SCIM", () => {
    expect(slackSettingsSchema(z).parse({ token: "xoxp-1" }).baseUrl).toBe("https://api.slack.com/scim/v2");
  });
  it("Microsoft Graph, accepting mode: graph (the default mode) explicitly", () => {
    const settings = entraSettingsSchema(z).parse({
      mode: "graph",
      tenantId: "t",
      clientId: "c",
      clientSecret: "s",
      domain: "Example.com",
    });
    expect([settings.graphUrl, settings.tokenUrl, settings.domain]).toEqual([
      "https://graph.microsoft.com/v1.0",
      "https://login.microsoftonline.com/t/oauth2/v2.0/token",
      "example.com",
    ]);
    expect(() =>
      entraSettingsSchema(z).parse({ mode: "azuread", tenantId: "t", clientId: "c", clientSecret: "s", domain: "d" }),
    ).toThrow();
  });
  it("Google Directory", () => {
    const key = {
      client_email: "sa@p.iam.gserviceaccount.com",
      private_key: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n",
    };
    expect(
      googleSettingsSchema(z).parse({ domain: "example.com", serviceAccountKey: key, subject: "admin@example.com" })
        .baseUrl,
    ).toBe("https://admin.googleapis.com/admin/directory/v1");
  });
});
