import {
  createHttpClient,
  createPacer,
  HttpError,
  type HttpClient,
  type HttpRequest,
  type Page,
  type RequestCounter,
} from "../../net";
import { absentOn404, retryWhen, tokenCache } from "../shared";
import { GOOGLE_READONLY_SCOPES, GOOGLE_SCOPES, type GoogleSettings } from "./settings";
import { serviceAccountToken } from "./token";
import { googleTransient } from "./transient";

/** The Directory API user fields idlc reads and writes. */
export interface GoogleUser {
  id: string;
  primaryEmail: string;
  name: { givenName?: string; familyName?: string; displayName?: string; fullName?: string };
  suspended?: boolean;
  isAdmin?: boolean;
  orgUnitPath?: string;
  creationTime?: string;
  changePasswordAtNextLogin?: boolean;
  externalIds?: Array<{ value: string; type: string; customType?: string }>;
  relations?: Array<{ value: string; type: string }>;
  organizations?: Array<{ title?: string; department?: string; costCenter?: string; primary?: boolean; type?: string }>;
  aliases?: string[];
}
export interface GoogleGroup {
  id: string;
  email: string;
  name: string;
  description?: string;
}
export interface GoogleMember {
  email: string;
  role: string;
  type: string;
}

/** Lists ask Google for its maximum page: a refresh of 10,000 users is 20 calls. */
export const USER_PAGE = 500;
export const MEMBER_PAGE = 200;
/** Fresh users and groups answer 404 for a moment (field reports: a 1 s sleep fixes it); mutations retry that long. */
const LAG_MS = 5_000;

const enc = encodeURIComponent;

/** One method per Directory API call. Vendor errors stay `HttpError`s; "already" outcomes become values. */
export class GoogleClient {
  private readonly http: HttpClient;
  private readonly customer: string;

  constructor(settings: GoogleSettings, counter?: RequestCounter) {
    const scopes = settings.scopes === "readonly" ? GOOGLE_READONLY_SCOPES : GOOGLE_SCOPES;
    const { serviceAccountKey: key, subject, tokenUrl } = settings;
    const token = tokenCache(serviceAccountToken({ key, subject, scopes, tokenUrl, counter }));
    // Google's default quota: 2,400 queries per minute per user per project (403 userRateLimitExceeded above it).
    const pacer = createPacer({ perMinute: 2400 * settings.paceScale, burst: 100 * settings.paceScale });
    this.http = createHttpClient({ app: "google", baseUrl: settings.baseUrl, auth: token, counter, pacer });
    this.customer = settings.customerId;
  }

  private async call<T>(req: HttpRequest): Promise<T> {
    return (await retryWhen(googleTransient, () => this.http.request<T>(req))).body;
  }

  insertUser(body: object): Promise<GoogleUser> {
    return this.call({ method: "POST", path: "/users", body });
  }
  /** Undefined when there is no such user (after riding out read-after-write lag when `lagMs` is given). */
  async getUser(key: string, lagMs?: number): Promise<GoogleUser | undefined> {
    return absentOn404(() =>
      this.call<GoogleUser>({
        method: "GET",
        path: `/users/${enc(key)}`,
        query: { projection: "full" },
        retryNotFoundFor: lagMs,
      }),
    );
  }
  async listUsers(pageToken: string | undefined, query?: string): Promise<Page<GoogleUser>> {
    const body = await this.call<{ users?: GoogleUser[]; nextPageToken?: string }>({
      method: "GET",
      path: "/users",
      query: { customer: this.customer, maxResults: USER_PAGE, projection: "full", pageToken, query },
    });
    return { items: body.users ?? [], next: body.nextPageToken };
  }
  /**
   * users.update with only `password` (8–100 ASCII, sent in clear over TLS; Google hashes it) and
   * `changePasswordAtNextLogin`: the password reset portal's write. Google's own policy answers 400 "Invalid Password".
   */
  async setPassword(key: string, password: string, changeAtNextLogin: boolean): Promise<void> {
    await this.updateUser(key, { password, changePasswordAtNextLogin: changeAtNextLogin });
  }
  /** users.update (PUT): repeated fields are replaced whole, so an empty list clears them (patch cannot). */
  updateUser(key: string, body: object): Promise<GoogleUser> {
    return this.call({ method: "PUT", path: `/users/${enc(key)}`, body, retryNotFoundFor: LAG_MS });
  }
  async signOut(key: string): Promise<void> {
    await this.call({ method: "POST", path: `/users/${enc(key)}/signOut`, retryNotFoundFor: LAG_MS });
  }
  /** The only way to change `isAdmin`: insert and update silently ignore it. */
  async makeAdmin(key: string, status: boolean): Promise<void> {
    await this.call({
      method: "POST",
      path: `/users/${enc(key)}/makeAdmin`,
      body: { status },
      retryNotFoundFor: LAG_MS,
    });
  }
  /** False when the user was already gone. */
  async deleteUser(key: string): Promise<boolean> {
    return (
      (await absentOn404(() => this.call({ method: "DELETE", path: `/users/${enc(key)}` }).then(() => true))) ?? false
    );
  }

  insertGroup(body: { email: string; name: string; description?: string }): Promise<GoogleGroup> {
    return this.call({ method: "POST", path: "/groups", body });
  }
  getGroup(key: string, lagMs?: number): Promise<GoogleGroup | undefined> {
    return absentOn404(() =>
      this.call<GoogleGroup>({ method: "GET", path: `/groups/${enc(key)}`, retryNotFoundFor: lagMs }),
    );
  }
  updateGroup(key: string, body: { name: string; description?: string }): Promise<GoogleGroup> {
    return this.call({ method: "PUT", path: `/groups/${enc(key)}`, body, retryNotFoundFor: LAG_MS });
  }
  async deleteGroup(key: string): Promise<boolean> {
    return (
      (await absentOn404(() => this.call({ method: "DELETE", path: `/groups/${enc(key)}` }).then(() => true))) ?? false
    );
  }
  /** "added" or "already" (409 Member already exists is success: the membership is there). */
  async insertMember(group: string, email: string): Promise<"added" | "already"> {
    try {
      await this.call({
        method: "POST",
        path: `/groups/${enc(group)}/members`,
        body: { email, role: "MEMBER" },
        retryNotFoundFor: LAG_MS,
      });
      return "added";
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) return "already";
      throw error;
    }
  }
  /** "removed" or "absent" (404 for a non-member is success: the membership is gone). */
  async deleteMember(group: string, email: string): Promise<"removed" | "absent"> {
    const done = await absentOn404(() =>
      this.call({ method: "DELETE", path: `/groups/${enc(group)}/members/${enc(email)}` }).then(
        () => "removed" as const,
      ),
    );
    return done ?? "absent";
  }
  async listMembers(group: string, pageToken: string | undefined): Promise<Page<GoogleMember>> {
    const body = await this.call<{ members?: GoogleMember[]; nextPageToken?: string }>({
      method: "GET",
      path: `/groups/${enc(group)}/members`,
      query: { maxResults: MEMBER_PAGE, pageToken },
    });
    return { items: body.members ?? [], next: body.nextPageToken };
  }

  async orgUnitExists(path: string): Promise<boolean> {
    const found = await absentOn404(() =>
      this.call({
        method: "GET",
        path: `/customer/${this.customer}/orgunits/${path.replace(/^\//, "").split("/").map(enc).join("/")}`,
      }),
    );
    return found !== undefined;
  }
  /** Creates `/A/B` under its parent; a 409 (made meanwhile) is fine. */
  async insertOrgUnit(path: string): Promise<void> {
    const cut = path.lastIndexOf("/");
    const body = { name: path.slice(cut + 1), parentOrgUnitPath: cut === 0 ? "/" : path.slice(0, cut) };
    try {
      await this.call({ method: "POST", path: `/customer/${this.customer}/orgunits`, body });
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 409)) throw error;
    }
  }
}
