import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  scimAccountProvider as p,
  ScimPatchUnsupportedError,
  type ScimAccountInputs,
  type ScimAccountOutputs,
} from "../../../provider/apps/scim";
import { accountSpec } from "../../support/account-spec";
import { configRequest } from "../../support/provider-config";
import { quickRetry } from "../../support/scim";
import { startScimServer, type RunningScimServer } from "../../../sandbox/scim";

let plain: RunningScimServer;
let noPatch: RunningScimServer;
beforeAll(async () => {
  plain = await startScimServer({ token: "a" });
  noPatch = await startScimServer({ token: "b", patch: false, etag: false });
  const instance = (s: RunningScimServer, extra = {}) => ({
    baseUrl: s.url,
    token: s.token,
    retry: quickRetry,
    ...extra,
  });
  await p.configure!(
    configRequest({
      "identity:scim": {
        plain: instance(plain),
        legacy: instance(noPatch),
        keep: instance(plain, { deleteMode: "deactivate" }),
      },
    }) as never,
  );
});
afterAll(async () => {
  await plain.stop();
  await noPatch.stop();
});
const spec = (id: string, instance: string, over: Partial<ScimAccountInputs> = {}): ScimAccountInputs => ({
  ...accountSpec(id),
  instance,
  ...over,
});

describe("what the server supports decides how we write", () => {
  it("sends If-Match with the version it holds, and re-applies once on a 412", async () => {
    const created = await p.create(spec("V1", "plain"));
    const outs = created.outs as ScimAccountOutputs;
    expect(outs.version).toBe('W/"1"');
    plain.store.User.get(created.id)!.meta.version = 'W/"7"'; // someone else wrote meanwhile
    plain.faults.resetLog();
    const updated = (await p.update!(created.id, outs, spec("V1", "plain", { title: "Boss" })))
      .outs as ScimAccountOutputs;
    expect(plain.faults.log().map((e) => `${e.method} ${e.status}`)).toEqual(["PATCH 412", "GET 200", "PATCH 200"]);
    expect(plain.store.User.get(created.id)!.title).toBe("Boss");
    expect(updated.version).toBe('W/"8"');
  });

  it("falls back to PUT of the whole user when the server has no PATCH", async () => {
    const created = await p.create(spec("V2", "legacy"));
    noPatch.faults.resetLog();
    await p.update!(
      created.id,
      created.outs as ScimAccountOutputs,
      spec("V2", "legacy", { enabled: false, lifecycle: "terminated" }),
    );
    expect(noPatch.faults.log().map((e) => e.method)).toEqual(["PUT"]);
    expect(noPatch.store.User.get(created.id)).toMatchObject({
      active: false,
      userName: "v2@example.com",
      externalId: "V2",
    });
    await expect(
      p.update!(created.id, created.outs as ScimAccountOutputs, spec("V2", "legacy", { groups: ["x"] })),
    ).rejects.toBeInstanceOf(ScimPatchUnsupportedError);
  });

  it("deleteMode deactivate never deletes", async () => {
    const created = await p.create(spec("V3", "keep"));
    const off = (
      await p.update!(created.id, created.outs as ScimAccountOutputs, spec("V3", "keep", { enabled: false }))
    ).outs as ScimAccountOutputs;
    await p.delete!(created.id, off);
    expect(plain.store.User.get(created.id)).toMatchObject({ active: false });
  });

  it("names the missing instance", async () => {
    await expect(p.create(spec("V4", "nowhere"))).rejects.toMatchObject({
      code: "SCIM_INSTANCE_UNKNOWN",
      message: expect.stringContaining("plain, legacy, keep"),
    });
  });
});
