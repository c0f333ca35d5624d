import type * as pulumi from "@pulumi/pulumi";
import { scimAccountProvider } from "../../provider/apps/scim";
import { slackAccountProvider } from "../../provider/apps/slack";
import { googleAccountProvider } from "../../provider/apps/google";
import { entraAccountProvider } from "../../provider/apps/entra";
import { startGoogleEmulator } from "../../sandbox/google";
import { startEntraEmulator } from "../../sandbox/entra";
import { startScimServer } from "../../sandbox/scim";
import { startSlackEmulator } from "../../sandbox/slack";
import { accountSpec } from "../../test/support/account-spec";
import { configRequest } from "../../test/support/provider-config";

/** A running app emulator with its account provider configured against it. */
export interface ConnectorSetup {
  provider: pulumi.dynamic.ResourceProvider;
  /** Inputs of the i-th account. */
  inputs(i: number): Record<string, unknown>;
  /** The documented write limit, for the paced-duration floor (none for generic SCIM). */
  writesPerMinute?: number;
  stop(): Promise<void>;
}

/** One app to benchmark: add yours to `connectorCases` (name = the app name the request counter uses). */
export interface ConnectorCase {
  app: string;
  setup(): Promise<ConnectorSetup>;
}

export const connectorCases: ConnectorCase[] = [
  {
    app: "scim",
    async setup() {
      const server = await startScimServer({ maxResults: 1000 });
      await scimAccountProvider.configure!(
        configRequest({ "identity:scim": { bench: { baseUrl: server.url, token: server.token } } }) as never,
      );
      return {
        provider: scimAccountProvider as pulumi.dynamic.ResourceProvider,
        inputs: (i) => ({ ...accountSpec(`B${String(i).padStart(5, "0")}`), instance: "bench" }),
        stop: () => server.stop(),
      };
    },
  },
  {
    app: "slack",
    async setup() {
      // Slack's limits scaled ×20 on both sides so 1,000 creates take seconds; the floor line shows the real budget.
      const slack = await startSlackEmulator({ rateLimitScale: 20 });
      await slackAccountProvider.configure!(
        configRequest({ "identity:slack": { baseUrl: slack.url, token: slack.token, paceScale: 20 } }) as never,
      );
      return {
        provider: slackAccountProvider as pulumi.dynamic.ResourceProvider,
        inputs: (i) => accountSpec(`B${String(i).padStart(5, "0")}`),
        writesPerMinute: 180, // POST /Users: 180/min (burst 20), the binding documented limit
        stop: () => slack.stop(),
      };
    },
  },
  {
    app: "google",
    async setup() {
      // Google's 2,400 queries/min per user scaled ×20 on both sides; the floor line shows the real budget.
      const google = await startGoogleEmulator({ behaviour: { queriesPerMinutePerUser: 2400 * 20 } });
      const settings = {
        baseUrl: google.url,
        tokenUrl: google.tokenUrl,
        domain: google.domain,
        serviceAccountKey: google.serviceAccountKey,
        subject: google.adminEmail,
        paceScale: 20,
      };
      await googleAccountProvider.configure!(configRequest({ "identity:google": settings }) as never);
      return {
        provider: googleAccountProvider as pulumi.dynamic.ResourceProvider,
        inputs: (i) => accountSpec(`B${String(i).padStart(5, "0")}`),
        writesPerMinute: 2400, // every query counts against the per-user quota, writes included
        stop: () => google.stop(),
      };
    },
  },
  {
    app: "entra",
    async setup() {
      const entra = await startEntraEmulator({ domains: ["example.com"] });
      const settings = {
        graphUrl: entra.url,
        tokenUrl: entra.tokenUrl,
        tenantId: entra.tenantId,
        clientId: entra.clientId,
        clientSecret: entra.clientSecret,
        domain: entra.domain,
      };
      await entraAccountProvider.configure!(configRequest({ "identity:entra": settings }) as never);
      return {
        provider: entraAccountProvider as pulumi.dynamic.ResourceProvider,
        inputs: (i) => accountSpec(`B${String(i).padStart(5, "0")}`),
        writesPerMinute: 1200, // 3,000 writes per 150 s per app + tenant
        stop: () => entra.stop(),
      };
    },
  },
];
