import { collectPages, HttpError, type HttpClient, type Page } from "../../net";
import {
  ScimPath,
  ScimSchema,
  type ListResponse,
  type PatchOperation,
  type ScimFeatures,
  type ScimGroup,
  type ScimUser,
} from "./wire";

export * from "./wire";

/** A SCIM resource collection: one method per API call. */
export interface ScimCollection<T extends { id: string }> {
  /** GET by id; undefined when gone. `lagMs` retries a 404 that may be read-after-write lag. */
  get(id: string, lagMs?: number): Promise<T | undefined>;
  /** One page of a filtered list; `token` is the opaque next startIndex. */
  findPage(filter: string, token?: string): Promise<Page<T>>;
  /** Every match of a filter, all pages. */
  find(filter: string): Promise<T[]>;
  create(body: Record<string, unknown>): Promise<T>;
  /** PATCH (or PUT of `replacement()` when the server lacks PATCH); If-Match when it supports ETags. */
  update(
    id: string,
    ops: PatchOperation[],
    replacement: () => Record<string, unknown>,
    version?: string,
  ): Promise<T | undefined>;
  /**
   * PATCH only, for changes that must never be a full replace (group membership); its answer is not read (a
   * group's holds every member).
   */
  patch(id: string, ops: PatchOperation[], version?: string): Promise<void>;
  /** DELETE; false when it was already gone. */
  remove(id: string, version?: string): Promise<boolean>;
}

export interface ScimClient {
  features(): Promise<ScimFeatures>;
  users: ScimCollection<ScimUser>;
  groups: ScimCollection<ScimGroup>;
}

/** The SCIM 2.0 wire client over `provider/net`. Vendor errors arrive as `HttpError`s from the HTTP core. */
export function createScimClient(http: HttpClient): ScimClient {
  let features: Promise<ScimFeatures> | undefined;
  const client: ScimClient = {
    features() {
      features ??= http.request<Record<string, any>>({ method: "GET", path: ScimPath.config }).then(
        ({ body }) => ({
          patch: body?.patch?.supported === true,
          etag: body?.etag?.supported === true,
          maxResults: Math.min(Number(body?.filter?.maxResults) || 100, 1000),
        }),
        (err) => {
          features = undefined; // a failed probe is asked again next time, not remembered for the process
          throw err;
        },
      );
      return features;
    },
    users: collection<ScimUser>(http, ScimPath.users, () => client.features()),
    groups: collection<ScimGroup>(http, ScimPath.groups, () => client.features()),
  };
  return client;
}

function collection<T extends { id: string; meta?: { version?: string } }>(
  http: HttpClient,
  base: string,
  features: () => Promise<ScimFeatures>,
): ScimCollection<T> {
  const scim = { "content-type": "application/scim+json" };
  const ifMatch = async (version?: string) =>
    version && (await features()).etag ? { ...scim, "if-match": version } : scim;

  const sendPatch = (id: string, ops: PatchOperation[], version: string | undefined, ignoreAnswer: boolean) => {
    const path = `${base}/${encodeURIComponent(id)}`;
    const body = { schemas: [ScimSchema.patchOp], Operations: ops };
    return withVersion(
      () => api.get(id),
      version,
      async (v) =>
        (await http.request<T>({ method: "PATCH", path, body, headers: await ifMatch(v), ignoreAnswer })).body,
    );
  };

  const api: ScimCollection<T> = {
    async get(id, lagMs) {
      const res = await http.request<T>({
        method: "GET",
        path: `${base}/${encodeURIComponent(id)}`,
        expect: [200, 404],
        retryNotFoundFor: lagMs,
      });
      return res.status === 404 ? undefined : res.body;
    },
    async findPage(filter, token) {
      const { maxResults } = await features();
      const startIndex = Number(token ?? 1);
      const { body } = await http.request<ListResponse<T>>({
        method: "GET",
        path: base,
        query: { filter, startIndex, count: maxResults },
      });
      const items = body.Resources ?? [];
      const nextIndex = startIndex + items.length;
      return { items, next: items.length > 0 && nextIndex <= body.totalResults ? String(nextIndex) : undefined };
    },
    find: (filter) => collectPages(http.app, (token) => api.findPage(filter, token)),
    async create(body) {
      return (await http.request<T>({ method: "POST", path: base, body, headers: scim, expect: [201, 200] })).body;
    },
    async update(id, ops, replacement, version) {
      if (!(await features()).patch) {
        const path = `${base}/${encodeURIComponent(id)}`;
        return withVersion(
          () => api.get(id),
          version,
          async (v) =>
            (await http.request<T>({ method: "PUT", path, body: replacement(), headers: await ifMatch(v) })).body,
        );
      }
      return sendPatch(id, ops, version, false);
    },
    async patch(id, ops, version) {
      await sendPatch(id, ops, version, true);
    },
    async remove(id, version) {
      const path = `${base}/${encodeURIComponent(id)}`;
      return withVersion(
        () => api.get(id),
        version,
        async (v) =>
          (await http.request({ method: "DELETE", path, headers: await ifMatch(v), expect: [204, 200, 404] }))
            .status !== 404,
      );
    },
  };
  return api;
}

/** A write that lost an ETag race (412) is re-applied once on the current version: our spec is the authority. */
async function withVersion<R>(
  current: () => Promise<{ meta?: { version?: string } } | undefined>,
  version: string | undefined,
  write: (v: string | undefined) => Promise<R>,
): Promise<R> {
  try {
    return await write(version);
  } catch (err) {
    if (!(err instanceof HttpError && err.status === 412)) throw err;
    return write((await current())?.meta?.version);
  }
}
