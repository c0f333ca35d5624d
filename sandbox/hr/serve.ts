import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import { createFaultController, faultControlRoutes, faultMiddleware, type FaultController } from "../faults";
import type { EmulatorStartOptions, RunningEmulator } from "../registry";
import { hrControlRoutes, type HrTwinFaults } from "./control-routes";
import { createHrStore, demoPeopleText, type HrStore } from "./people";

export interface HrTwinOptions extends EmulatorStartOptions {
  /** The company, as an export's text (default: the demo company). */
  people?: string;
}

/** A running HR twin: the emulator surface plus the store and list faults, for tests to drive in-process. */
export interface RunningHrTwin extends RunningEmulator {
  faults: FaultController;
  store: HrStore;
  listFaults: HrTwinFaults;
}

/** What a vendor's twin adds on top of the shared server: its routes, credential and published extras. */
export interface HrTwinSpec {
  name: string;
  token: string;
  extra?: Record<string, string>;
  errorBody: (status: number, detail: string) => unknown;
  routes(app: Express, store: HrStore, listFaults: HrTwinFaults): void;
}

/**
 * Starts one HR twin on 127.0.0.1: control routes (`/_faults`, `/_hr`, never faulted), then fault injection, then
 * the vendor's API. State lives in memory; a restart serves the company afresh.
 */
export async function serveHrTwin(spec: HrTwinSpec, options: HrTwinOptions): Promise<RunningHrTwin> {
  const projectDir = options.dataDir ? `${options.dataDir}/../../..` : undefined;
  const store = createHrStore(options.people ?? demoPeopleText(projectDir));
  const faults = createFaultController();
  const listFaults: HrTwinFaults = { restricted: new Set() };
  const app = express();
  app.use(faultControlRoutes(faults));
  app.use(hrControlRoutes(store, listFaults));
  app.use(faultMiddleware(faults, { errorBody: spec.errorBody }));
  spec.routes(app, store, listFaults);
  const server = app.listen(options.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name: spec.name,
    url,
    token: spec.token,
    extra: spec.extra,
    faults,
    store,
    listFaults,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HTTP Basic credentials of a request, or undefined. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const at = decoded.indexOf(":");
  return at < 0 ? undefined : { user: decoded.slice(0, at), password: decoded.slice(at + 1) };
}
