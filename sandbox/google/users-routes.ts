import { Router } from "express";
import { holdPassword } from "../held-password";
import type { GoogleContext } from "./context";
import { duplicate, GoogleApiError, notFound } from "./errors";
import { paginate } from "./paging";
import type { Json, UserRecord } from "./store";
import { compileUserQuery, indexedClause } from "./user-query";
import { mergeUser, requireInsertFields, writableFields } from "./user-model";

/** users.insert/get/list/update/patch/delete/undelete/signOut/makeAdmin. */
export function usersRouter(ctx: GoogleContext): Router {
  const router = Router();
  const { store, clock } = ctx;
  const show = (r: UserRecord): Json => ({ ...r.resource });

  router.post("/users", (req, res) => {
    const body = writableFields(req.body ?? {});
    requireInsertFields(body);
    res.json(show(insertUser(ctx, body)));
  });

  router.get("/users", (req, res) => {
    ctx.checkScope(req.query);
    const test = compileUserQuery(req.query.query);
    const deleted = req.query.showDeleted === "true";
    // A lookup by employee id or address tests only the users the indexes hold under it, not every user.
    const clause = deleted ? undefined : indexedClause(req.query.query);
    const candidates = clause ? store.usersMatching(clause) : [...(deleted ? store.deleted : store.users).values()];
    let all = candidates.filter((r) => ctx.visible(r) && test(r.resource));
    if (req.query.orderBy === "email")
      all.sort((a, b) => String(a.resource.primaryEmail).localeCompare(String(b.resource.primaryEmail)));
    if (req.query.sortOrder === "DESCENDING") all = all.reverse();
    const signature = JSON.stringify([req.query.query, req.query.showDeleted, req.query.orderBy, req.query.sortOrder]);
    const page = paginate(all, signature, req.query.maxResults, req.query.pageToken, { def: 100, max: 500 });
    // Google omits `users` entirely on an empty result rather than sending [].
    const users = page.items.length ? { users: page.items.map(show) } : {};
    res.json({
      kind: "admin#directory#users",
      etag: ctx.etag(),
      ...users,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });

  router.get("/users/:userKey", (req, res) => {
    res.json(show(ctx.readableUser(req.params.userKey)));
  });

  const modify = (mode: "update" | "patch") => (req: import("express").Request, res: import("express").Response) => {
    const record = ctx.mutableUser(String(req.params.userKey));
    const body = writableFields(req.body ?? {});
    const email = body.primaryEmail === undefined ? undefined : String(body.primaryEmail).toLowerCase();
    const owner = email === undefined ? undefined : store.emailIndex.get(email);
    if (owner !== undefined && owner !== record.resource.id) throw duplicate();
    ctx.requireOrgUnit(body.orgUnitPath);
    const previousEmail = String(record.resource.primaryEmail);
    const next = mergeUser(record.resource, body, mode);
    if (email !== undefined && email !== previousEmail.toLowerCase()) {
      // A renamed user keeps the old address as an alias, so mail and lookups by it still resolve.
      next.aliases = [...((record.resource.aliases as string[] | undefined) ?? []), previousEmail];
      store.indexUser(String(record.resource.id), [String(next.primaryEmail), previousEmail]);
    }
    record.resource = { ...next, etag: ctx.etag() };
    store.indexExternalIds(record);
    if (body.password !== undefined) {
      record.passwordSetAt = clock.now();
      record.password = holdPassword(String(body.password), body.hashFunction as string | undefined);
    }
    store.changed();
    res.json(show(record));
  };
  router.put("/users/:userKey", modify("update"));
  router.patch("/users/:userKey", modify("patch"));

  router.delete("/users/:userKey", (req, res) => {
    const record = ctx.mutableUser(req.params.userKey);
    const id = String(record.resource.id);
    store.users.delete(id);
    store.unindexUser(record);
    record.deletedAt = clock.now();
    record.resource = { ...record.resource, deletionTime: clock.iso() };
    store.deleted.set(id, record);
    store.changed();
    res.status(204).end();
  });

  router.post("/users/:userKey/undelete", (req, res) => {
    const record = store.deleted.get(req.params.userKey);
    const windowMs = ctx.behaviour().restoreDays * 86_400_000;
    if (!record || clock.now() - (record.deletedAt ?? 0) > windowMs) throw notFound("userKey");
    if (store.emailIndex.has(String(record.resource.primaryEmail).toLowerCase())) throw duplicate();
    const orgUnitPath = (req.body as Json | undefined)?.orgUnitPath ?? "/";
    ctx.requireOrgUnit(orgUnitPath);
    store.deleted.delete(req.params.userKey);
    const { deletionTime: _gone, ...resource } = record.resource;
    record.resource = { ...resource, orgUnitPath, etag: ctx.etag() };
    delete record.deletedAt;
    store.users.set(req.params.userKey, record);
    store.indexExternalIds(record);
    store.indexUser(req.params.userKey, [
      String(resource.primaryEmail),
      ...((resource.aliases as string[] | undefined) ?? []),
    ]);
    store.changed();
    res.status(204).end();
  });

  router.post("/users/:userKey/signOut", (req, res) => {
    ctx.mutableUser(req.params.userKey).signOuts.push(clock.now());
    store.changed();
    res.status(204).end();
  });

  router.post("/users/:userKey/makeAdmin", (req, res) => {
    const status = (req.body as Json | undefined)?.status;
    if (typeof status !== "boolean") throw new GoogleApiError(400, "required", "Missing required field: status");
    const record = ctx.mutableUser(req.params.userKey);
    record.resource = { ...record.resource, isAdmin: status, etag: ctx.etag() };
    store.changed();
    res.status(204).end();
  });

  return router;
}

/** users.insert after validation: also how tests seed thousands of users without HTTP. */
export function insertUser(ctx: GoogleContext, body: Json): UserRecord {
  const { store, clock } = ctx;
  const email = String(body.primaryEmail).toLowerCase();
  if (store.emailIndex.has(email) || store.groupIndex.has(email)) throw duplicate();
  ctx.requireOrgUnit(body.orgUnitPath);
  const id = ctx.newId();
  const base: Json = {
    kind: "admin#directory#user",
    id,
    etag: ctx.etag(),
    primaryEmail: body.primaryEmail,
    isAdmin: false,
    isDelegatedAdmin: false,
    lastLoginTime: "1970-01-01T00:00:00.000Z",
    creationTime: clock.iso(),
    agreedToTerms: false,
    suspended: false,
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    customerId: ctx.customerId,
    orgUnitPath: "/",
    isMailboxSetup: false,
    isEnrolledIn2Sv: false,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: true,
    emails: [{ address: body.primaryEmail, primary: true }],
  };
  const held =
    typeof body.password === "string"
      ? holdPassword(body.password, body.hashFunction as string | undefined)
      : undefined;
  const record: UserRecord = {
    resource: mergeUser(base, body, "update"),
    insertedAt: clock.now(),
    passwordSetAt: clock.now(),
    ...(held ? { password: held } : {}),
    signOuts: [],
  };
  store.users.set(id, record);
  store.indexUser(id, [email]);
  store.indexExternalIds(record);
  store.changed();
  return record;
}
