/**
 * Run by registration.test.ts in a child process (closure serialization fails under vitest): configures the Google
 * and Entra providers with secrets, registers one resource of each class under Pulumi mocks, and prints what the
 * engine received.
 */
import * as pulumi from "@pulumi/pulumi";
import { EntraAccount, EntraGroup, entraAccountProvider } from "../../../provider/apps/entra";
import { GoogleAccount, GoogleGroup, googleAccountProvider } from "../../../provider/apps/google";
import { accountSpec, groupSpec } from "../../support/account-spec";
import { configRequest } from "../../support/provider-config";

const [secret, privateKey] = [process.argv[2]!, process.argv[3]!];
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
const seen: Array<{ type: string; secretOutputs: string[]; object: string }> = [];
const original = MockMonitor.prototype.registerResource;
MockMonitor.prototype.registerResource = function (req: any, callback: any) {
  seen.push({
    type: req.getType(),
    secretOutputs: req.getAdditionalsecretoutputsList(),
    object: JSON.stringify(req.getObject().toJavaScript()),
  });
  return original.call(this, req, callback);
};

void (async () => {
  const key = {
    client_email: "sa@p.iam.gserviceaccount.com",
    private_key: `-----BEGIN PRIVATE KEY-----\n${privateKey}\n-----END PRIVATE KEY-----\n`,
  };
  await googleAccountProvider.configure!(
    configRequest({
      "identity:google": {
        baseUrl: "http://127.0.0.1:1/admin/directory/v1",
        tokenUrl: "http://127.0.0.1:1/token",
        domain: "example.com",
        serviceAccountKey: key,
        subject: "admin@example.com",
      },
    }) as never,
  );
  await entraAccountProvider.configure!(
    configRequest({
      "identity:entra": {
        graphUrl: "http://127.0.0.1:1/v1.0",
        tenantId: "t",
        clientId: "c",
        clientSecret: secret,
        domain: "example.com",
      },
    }) as never,
  );
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: args.name, state: args.inputs }), call: () => ({}) },
    "identity",
    "test",
  );
  const resources = [
    new GoogleAccount("google/E1", accountSpec("E1")),
    new GoogleGroup("google/group/eng", groupSpec("eng")),
    new EntraAccount("entra/E1", accountSpec("E1")),
    new EntraGroup("entra/group/eng", groupSpec("eng")),
  ];
  await Promise.all(resources.map((r) => new Promise<void>((resolve) => r.urn.apply(() => resolve()))));
  process.stdout.write(JSON.stringify(seen));
})();
