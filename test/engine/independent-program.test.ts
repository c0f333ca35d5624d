import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPassphraseSecretsManager } from "../../engine/secrets";
import { makeSecret, UNKNOWN } from "../../engine/properties";
import { createProject, PASSPHRASE, resourcesByName } from "./helpers/project";
import { checkpointSchemaErrors } from "./helpers/schema";

// A second program that is not ours (class-based provider, JSON database, plain `module.exports` outputs), walked
// through preview → up → change → up → destroy.
describe("an independent JavaScript program", () => {
  const project = createProject("inventory");
  afterAll(() => project.cleanup());
  const dbFile = join(project.outDir, "db.json");
  const db = () => JSON.parse(readFileSync(dbFile, "utf8"));
  const setPhase = async (phase: number) => {
    const secrets = await createPassphraseSecretsManager({ passphrase: PASSPHRASE, salt: saltOf() });
    project.writeConfig(
      {
        "inventory:db": dbFile,
        "inventory:phase": String(phase),
        "inventory:safeCode": { secure: secrets.encrypt("0451") },
      },
      secrets.salt,
    );
  };
  let salt: string | undefined;
  const saltOf = () => salt;

  it("previews the creates with unknown ids", async () => {
    salt = (await createPassphraseSecretsManager({ passphrase: PASSPHRASE })).salt;
    await setPhase(1);
    const r = await project.run("preview");
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges).toEqual({ create: 6 });
    expect(r.outputs.warehouseId).toBe(UNKNOWN);
  });

  it("creates the records in dependency order and returns outputs, the secret kept secret", async () => {
    const r = await project.run("up");
    expect(r.result).toBe("succeeded");
    expect(r.outputs).toEqual({
      warehouseId: "warehouse-1",
      shelfLabels: ["A", "B"],
      safeCode: makeSecret("0451"),
      serials: [1, expect.any(Number)],
    });
    expect(db().records["warehouse-1"]).toEqual({ label: "Main", region: "eu" });
    expect(Object.values(db().records).filter((r: any) => r.parentId === "warehouse-1")).toHaveLength(3);
    const ckpt = project.checkpoint();
    expect(checkpointSchemaErrors(ckpt)).toEqual([]);
    const byName = resourcesByName(ckpt);
    expect(byName["shelf-1"].propertyDependencies.parentId).toEqual([byName.warehouse.urn]);
    expect(byName.safe.inputs.code.ciphertext).toMatch(/^v1:/);
    expect(byName["inventory-dev"].outputs.safeCode.ciphertext).toMatch(/^v1:/);
    expect(byName.warehouse.outputs.__provider).toMatch(/RecordProvider|prototype/);
  });

  it("replaces the warehouse (create before delete), updates dependents, removes shelf-2", async () => {
    await setPhase(2);
    const preview = await project.run("preview");
    expect(preview.summary.resourceChanges).toMatchObject({ replace: 1, delete: 1 });
    const r = await project.run("up");
    expect(r.result).toBe("succeeded");
    // The default provider's inputs are the stack config, so the phase change updates it too (as the Pulumi CLI does).
    expect(r.summary.resourceChanges).toEqual({ same: 1, replace: 1, update: 3, delete: 1 });
    expect(r.outputs.warehouseId).toBe("warehouse-5");
    expect(r.outputs.shelfLabels).toEqual(["A2", "none"]);
    const records = db().records;
    expect(Object.keys(records)).toHaveLength(3);
    expect(Object.values(records).filter((rec: any) => rec.parentId === "warehouse-5")).toHaveLength(2);
    expect(records["warehouse-1"]).toBeUndefined();
    expect(records["warehouse-5"]).toEqual({ label: "Main", region: "us" });
    const byName = resourcesByName(project.checkpoint());
    expect(byName["shelf-2"]).toBeUndefined();
    expect(byName["shelf-1"].outputs.parentId).toBe("warehouse-5");
    expect(checkpointSchemaErrors(project.checkpoint())).toEqual([]);
  });

  it("destroys everything", async () => {
    const r = await project.run("destroy");
    expect(r.result).toBe("succeeded");
    expect(r.summary.resourceChanges).toEqual({ delete: 5 });
    expect(db().records).toEqual({});
    expect(project.checkpoint().checkpoint.latest.resources ?? []).toEqual([]);
  });
});
