import {
  createHttpClient,
  createPacer,
  HttpError,
  type HttpClient,
  type HttpRequest,
  type Page,
  type RequestCounter,
} from "../../net";
import { absentOn404, tokenCache } from "../shared";
import type { EntraSettings } from "./settings";
import { clientCredentialsToken } from "./token";

/** The Graph user properties idlc reads (Graph returns only what `$select` names). */
export interface EntraUser {
  id: string;
  userPrincipalName: string;
  accountEnabled?: boolean;
  displayName?: string;
  givenName?: string | null;
  surname?: string | null;
  mailNickname?: string;
  employeeId?: string | null;
  employeeType?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  employeeOrgData?: { division?: string | null; costCenter?: string | null } | null;
  employeeHireDate?: string | null;
  employeeLeaveDateTime?: string | null;
  createdDateTime?: string;
  manager?: { id: string; employeeId?: string | null } | null;
}
export interface EntraGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  description?: string | null;
}
export interface BatchPart {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  body?: unknown;
  dependsOn?: string[];
}
export interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const USER_SELECT =
  "id,userPrincipalName,accountEnabled,displayName,givenName,surname,mailNickname,employeeId,employeeType,department,jobTitle,officeLocation,employeeOrgData,employeeHireDate,employeeLeaveDateTime,createdDateTime";
const MANAGER_EXPAND = "manager($select=id,employeeId)";
/** Graph's largest page: a refresh of 10,000 users is 11 calls. */
export const USER_PAGE = 999;
/** New objects 404 on other replicas for a few seconds; calls on fresh ids retry that long. */
export const LAG_MS = 15_000;
const enc = encodeURIComponent;
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** One method per Graph call. Vendor errors stay `HttpError`s; "already"/"absent" outcomes become values. */
export class EntraClient {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(settings: EntraSettings, counter?: RequestCounter) {
    const token = tokenCache(clientCredentialsToken({ ...settings, counter }));
    // Graph's identity write budget per app + tenant: 3,000 writes per 150 s (1,200/min, the bucket full at start).
    const writes = createPacer({ perMinute: 1200 * settings.paceScale, burst: 3000 * settings.paceScale });
    const pacer = [{ methods: ["POST", "PATCH", "PUT", "DELETE"], pacer: writes }];
    this.http = createHttpClient({ app: "entra", baseUrl: settings.graphUrl, auth: token, counter, pacer });
    this.base = settings.graphUrl;
  }

  private async call<T>(req: HttpRequest): Promise<T> {
    return (await this.http.request<T>(req)).body;
  }

  /** `@odata.id` of a directory object, as `$ref` bodies want it. */
  ref(id: string): { "@odata.id": string } {
    return { "@odata.id": `${this.base}/directoryObjects/${id}` };
  }

  createUser(body: object): Promise<EntraUser> {
    return this.call({ method: "POST", path: "/users", body });
  }
  getUser(key: string, lagMs?: number): Promise<EntraUser | undefined> {
    return absentOn404(() =>
      this.call({
        method: "GET",
        path: `/users/${enc(key)}`,
        query: { $select: USER_SELECT, $expand: MANAGER_EXPAND },
        retryNotFoundFor: lagMs,
      }),
    );
  }
  async findUserByEmployeeId(employeeId: string): Promise<EntraUser | undefined> {
    const body = await this.call<{ value: EntraUser[] }>({
      method: "GET",
      path: "/users",
      query: { $filter: `employeeId eq ${quote(employeeId)}`, $select: USER_SELECT },
    });
    return body.value[0];
  }
  /** One page of every user; `next` is the `@odata.nextLink` to follow verbatim. */
  async listUsers(nextLink: string | undefined): Promise<Page<EntraUser>> {
    const req: HttpRequest = nextLink
      ? { method: "GET", path: this.relative(nextLink) }
      : { method: "GET", path: "/users", query: { $select: USER_SELECT, $expand: MANAGER_EXPAND, $top: USER_PAGE } };
    const body = await this.call<{ value: EntraUser[]; "@odata.nextLink"?: string }>(req);
    return { items: body.value, next: body["@odata.nextLink"] };
  }
  async updateUser(id: string, body: object): Promise<void> {
    await this.call({ method: "PATCH", path: `/users/${enc(id)}`, body, retryNotFoundFor: LAG_MS });
  }
  /** Any 2xx is success: the documented 200 `{value:true}` and the 204 a known issue describes. */
  async revokeSignInSessions(id: string): Promise<void> {
    await this.call({ method: "POST", path: `/users/${enc(id)}/revokeSignInSessions`, retryNotFoundFor: LAG_MS });
  }
  async setManager(id: string, managerId: string): Promise<void> {
    await this.call({
      method: "PUT",
      path: `/users/${enc(id)}/manager/$ref`,
      body: this.ref(managerId),
      retryNotFoundFor: LAG_MS,
    });
  }
  async removeManager(id: string): Promise<void> {
    await absentOn404(() => this.call({ method: "DELETE", path: `/users/${enc(id)}/manager/$ref` }));
  }
  /** Soft delete (30 days in deleted items); false when already gone. */
  async deleteUser(id: string): Promise<boolean> {
    return (
      (await absentOn404(() => this.call({ method: "DELETE", path: `/users/${enc(id)}` }).then(() => true))) ?? false
    );
  }

  createGroup(body: object): Promise<EntraGroup> {
    return this.call({ method: "POST", path: "/groups", body });
  }
  getGroup(id: string): Promise<EntraGroup | undefined> {
    return absentOn404(() =>
      this.call({
        method: "GET",
        path: `/groups/${enc(id)}`,
        query: { $select: "id,displayName,mailNickname,description" },
      }),
    );
  }
  async findGroupByNickname(mailNickname: string): Promise<EntraGroup | undefined> {
    const body = await this.call<{ value: EntraGroup[] }>({
      method: "GET",
      path: "/groups",
      query: { $filter: `mailNickname eq ${quote(mailNickname)}`, $select: "id,displayName,mailNickname,description" },
    });
    return body.value[0];
  }
  async updateGroup(id: string, body: object): Promise<void> {
    await this.call({ method: "PATCH", path: `/groups/${enc(id)}`, body, retryNotFoundFor: LAG_MS });
  }
  async deleteGroup(id: string): Promise<void> {
    await absentOn404(() => this.call({ method: "DELETE", path: `/groups/${enc(id)}` }));
  }
  async listMemberIds(groupId: string, nextLink: string | undefined): Promise<Page<string>> {
    const req: HttpRequest = nextLink
      ? { method: "GET", path: this.relative(nextLink) }
      : { method: "GET", path: `/groups/${enc(groupId)}/members`, query: { $select: "id", $top: USER_PAGE } };
    const body = await this.call<{ value: Array<{ id: string }>; "@odata.nextLink"?: string }>(req);
    return { items: body.value.map((m) => m.id), next: body["@odata.nextLink"] };
  }
  /** Up to 20 requests in one `$batch`; inner failures come back as answers, not errors. */
  async batch(parts: BatchPart[]): Promise<BatchAnswer[]> {
    const requests = parts.map((p) => ({
      ...p,
      ...(p.body === undefined ? {} : { headers: { "Content-Type": "application/json" } }),
    }));
    return (await this.call<{ responses: BatchAnswer[] }>({ method: "POST", path: "/$batch", body: { requests } }))
      .responses;
  }

  /** A nextLink is absolute; the client wants a path under the Graph root. */
  private relative(link: string): string {
    if (!link.startsWith(this.base))
      throw new HttpError("invalid", {
        app: "entra",
        method: "GET",
        path: link,
        status: 0,
        detail: "nextLink outside the configured graphUrl",
      });
    return link.slice(this.base.length);
  }
}
