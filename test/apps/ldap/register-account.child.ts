/**
 * Run by secrets.test.ts in a child process (closure serialization fails under vitest): registers one
 * LdapAccount under Pulumi mocks after configure() saw a bind password, and prints what the engine received.
 */
import * as pulumi from "@pulumi/pulumi";
import { LdapAccount, ldapAccountProvider } from "../../../provider/apps/ldap";
import { accountSpec, configRequest } from "./ldap-spec";

const bindPassword = process.argv[2]!;
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
  await ldapAccountProvider.configure!(
    configRequest({
      url: "ldap://127.0.0.1:1",
      bindDN: "cn=admin,dc=example,dc=com",
      bindPassword,
      baseDN: "dc=example,dc=com",
    }) as never,
  );
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: "E1", state: args.inputs }), call: () => ({}) },
    "identity",
    "test",
  );
  const account = new LdapAccount("ldap/E1", accountSpec());
  await new Promise<void>((resolve) => account.urn.apply(() => resolve()));
  process.stdout.write(JSON.stringify(seen));
})();
