import { FaultSettings, type FaultSettingsInput, type RequestLogEntry } from "./settings";

export type FaultAction =
  | { kind: "drop-before" }
  | { kind: "drop-after" }
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "server-error"; status: number }
  | { kind: "none" };

/** The fault state of one emulator: what to inject next, which resources are still "invisible", and the request log. */
export interface FaultController {
  /** Replace the fault settings (validated). @throws ZodError on bad settings */
  set(settings: FaultSettingsInput): void;
  clear(): void;
  readonly settings: FaultSettings;
  /** The counted fault the next request matching gets (consumes one). */
  next(method: string, path: string): FaultAction;
  latencyFor(method: string, path: string): number;
  /** Remember a created resource id, if new resources are currently invisible. */
  created(id: string): void;
  /** Whether a GET of this id must answer 404 now. */
  invisible(id: string): boolean;
  record(entry: RequestLogEntry): void;
  log(): RequestLogEntry[];
  /** Requests logged, optionally only those of one method and/or whose path matches. */
  count(filter?: { method?: string; path?: RegExp }): number;
  resetLog(): void;
}

export function createFaultController(now: () => number = Date.now): FaultController {
  let settings: FaultSettings = {};
  const bornAt = new Map<string, number>();
  let entries: RequestLogEntry[] = [];
  const matches = (method: string, path: string) => {
    const m = settings.match;
    return (!m?.methods || m.methods.includes(method)) && (!m?.path || new RegExp(m.path).test(path));
  };
  return {
    set(input) {
      settings = FaultSettings.parse(input);
    },
    clear() {
      settings = {};
      bornAt.clear();
    },
    get settings() {
      return settings;
    },
    next(method, path) {
      if (!matches(method, path)) return { kind: "none" };
      const { drop, rateLimit, serverError } = settings;
      if (drop && drop.count > 0) {
        drop.count -= 1;
        return { kind: drop.when === "after" ? "drop-after" : "drop-before" };
      }
      if (rateLimit && rateLimit.count > 0) {
        rateLimit.count -= 1;
        return { kind: "rate-limit", retryAfterSeconds: rateLimit.retryAfterSeconds };
      }
      if (serverError && serverError.count > 0) {
        serverError.count -= 1;
        return { kind: "server-error", status: serverError.status };
      }
      return { kind: "none" };
    },
    latencyFor(method, path) {
      return matches(method, path) ? (settings.latencyMs ?? 0) : 0;
    },
    created(id) {
      if (settings.notFoundAfterCreateMs) bornAt.set(id, now());
    },
    invisible(id) {
      const born = bornAt.get(id);
      if (born === undefined) return false;
      if (now() - born < (settings.notFoundAfterCreateMs ?? 0)) return true;
      bornAt.delete(id);
      return false;
    },
    record(entry) {
      entries.push(entry);
    },
    log() {
      return [...entries];
    },
    count(filter = {}) {
      return entries.filter(
        (e) => (!filter.method || e.method === filter.method) && (!filter.path || filter.path.test(e.path)),
      ).length;
    },
    resetLog() {
      entries = [];
    },
  };
}
