/**
 * Which people bucket an employee id falls in. The hash is part of every sharded deployment's state: changing it
 * would move people between shards (a delete in one stack, a create in another), so it never changes.
 */
import { createHash } from "node:crypto";

/** The bucket (0 … buckets-1) of an employee id: the first 32 bits of its SHA-256, modulo `buckets`. */
export function bucketOf(employeeId: string, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1)
    throw new RangeError(`buckets must be a positive integer, got ${buckets}`);
  return createHash("sha256").update(employeeId, "utf8").digest().readUInt32BE(0) % buckets;
}
