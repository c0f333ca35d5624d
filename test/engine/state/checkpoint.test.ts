import { describe, expect, it } from "vitest";
import {
  integrityProblems,
  manifestMagic,
  orderResources,
  parseCheckpoint,
  serializeCheckpoint,
  type DeploymentV3,
  type ResourceV3,
} from "../../../engine/state";
import { account, accountUrn, PROVIDER_REF, providerResource, STACK_URN, stackResource } from "./fixtures/resources";

const manifest = { time: "2026-01-01T00:00:00Z", magic: manifestMagic("3.248.0"), version: "3.248.0" };
const latest = { manifest, resources: [stackResource()] };

describe("parseCheckpoint", () => {
  it.each([
    ["v0 from `stack init`", { version: 0, checkpoint: { stack: "organization/p/dev" } }, undefined],
    ["v0 without envelope", { stack: "p/dev", latest }, ["p-dev"]],
    [
      "v1 with `defaults`",
      {
        version: 1,
        checkpoint: { stack: "s", latest: { manifest, resources: [{ ...stackResource(), defaults: {} }] } },
      },
      ["p-dev"],
    ],
    ["v2", { version: 2, checkpoint: { stack: "s", latest } }, ["p-dev"]],
    ["v3", { version: 3, checkpoint: { stack: "s", latest } }, ["p-dev"]],
    ["v4 without features", { version: 4, features: [], checkpoint: { stack: "s", latest } }, ["p-dev"]],
  ])("reads %s", (_name, json, urns) => {
    for (const text of [JSON.stringify(json), JSON.stringify(json, null, 4)]) {
      const read = parseCheckpoint(text, "f.json");
      expect(read.deployment?.resources?.map((r) => r.urn.split("::").pop())).toEqual(urns);
      if (urns) expect(read.deployment?.resources?.[0]).not.toHaveProperty("defaults");
    }
  });

  it.each([
    ["version 5", { version: 5, checkpoint: {} }, /checkpoint version 5 is not supported/],
    [
      "an unknown feature",
      { version: 4, features: ["snippets"], checkpoint: { latest } },
      /features this engine lacks: snippets/,
    ],
    [
      "a resource without urn",
      { version: 3, checkpoint: { latest: { manifest, resources: [{ custom: true, type: "t" }] } } },
      /f\.json: checkpoint\.latest\.resources\.0\.urn/,
    ],
  ])("rejects %s, naming the file", (_name, json, message) => {
    expect(() => parseCheckpoint(JSON.stringify(json), "f.json")).toThrow(message);
  });

  it("names the file of broken JSON", () => {
    expect(() => parseCheckpoint("{", "/x/dev.json")).toThrow(/\/x\/dev\.json: not valid JSON/);
  });

  it("round-trips unknown resource fields and writes keys in Go's order", () => {
    const deployment: DeploymentV3 = {
      resources: [{ ...stackResource(), taint: true }],
      manifest,
      secrets_providers: { type: "passphrase" },
    };
    const text = serializeCheckpoint("organization/p/dev", deployment);
    expect(text.startsWith('{"version":3,"checkpoint":{"stack":"organization/p/dev","latest":{"manifest":')).toBe(true);
    expect(parseCheckpoint(text, "f").deployment?.resources?.[0]).toMatchObject({ taint: true });
    expect(serializeCheckpoint("s", { manifest }, ["x"])).toMatch(/^\{"version":4,"features":\["x"\]/);
  });
});

describe("integrityProblems", () => {
  const d = (resources: ResourceV3[], m = manifest): DeploymentV3 => ({ manifest: m, resources });
  it.each([
    [
      "a sound deployment",
      [stackResource(), providerResource(), account("a"), account("b", "x", [accountUrn("a")])],
      [],
    ],
    [
      "a parent after its child",
      [account("a"), stackResource(), providerResource()],
      [/refers to .*Stack::p-dev, which does not appear before it/, /refers to .*default/],
    ],
    [
      "a dependency that is missing",
      [stackResource(), providerResource(), account("b", "x", [accountUrn("zz")])],
      [/SlackAccount::zz/],
    ],
    ["a duplicate URN", [stackResource(), stackResource()], [/appears twice/]],
    ["a component with an id", [{ ...stackResource(), id: "x" }], [/is a component but has id "x"/]],
    [
      "a live entry then its pending delete",
      [stackResource(), providerResource(), account("a"), { ...account("a"), delete: true }],
      [],
    ],
  ])("%s", (_name, resources, expected) => {
    const problems = integrityProblems(d(resources as ResourceV3[]));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(problems[i]).toMatch(re));
  });
  it("checks the manifest magic", () => {
    expect(integrityProblems(d([], { ...manifest, magic: "00" }))).toEqual([expect.stringMatching(/magic/)]);
  });
});

describe("orderResources", () => {
  const names = (rs: ResourceV3[]) => rs.map((r) => `${r.urn.split("::").pop()}${r.delete ? "(delete)" : ""}`);
  it("keeps a valid order as it is", () => {
    const rs = [stackResource(), providerResource(), account("b"), account("a")];
    expect(names(orderResources(rs))).toEqual(["p-dev", "default", "b", "a"]);
  });
  it("moves parents, providers and dependencies before their users, stably", () => {
    const rs = [account("c", "x", [accountUrn("a")]), account("b"), stackResource(), account("a"), providerResource()];
    expect(names(orderResources(rs))).toEqual(["p-dev", "default", "a", "c", "b"]);
    expect(integrityProblems({ manifest, resources: orderResources(rs) })).toEqual([]);
  });
  it("puts a pending-delete entry after the live entry of its URN", () => {
    const rs = [stackResource(), providerResource(), { ...account("a"), delete: true }, account("a", "new")];
    expect(names(orderResources(rs))).toEqual(["p-dev", "default", "a", "a(delete)"]);
  });
  it("handles a 20,000-long dependency chain without recursion", () => {
    const chain: ResourceV3[] = [stackResource(), providerResource()];
    for (let i = 0; i < 20_000; i++) chain.push(account(`n${i}`, "x", i ? [accountUrn(`n${i - 1}`)] : []));
    const ordered = orderResources([...chain].reverse());
    expect(integrityProblems({ manifest, resources: ordered })).toEqual([]);
    expect(ordered[0]!.urn).toBe(STACK_URN);
    expect(ordered[1]!.id).toBe(PROVIDER_REF.split("::").pop());
  });
});
