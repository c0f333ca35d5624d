import type { DeploymentV3, PendingOperation, ResourceV3 } from "./apitype";
import { StateCode, StateError } from "../errors";
import { orderResources } from "./resource-order";

/** A live entry is keyed by its URN; a replaced resource's old state (`delete: true`) is a separate entry. */
function keyOf(urn: string, pendingDelete: boolean | undefined): string {
  return pendingDelete ? `${urn}\u0000delete` : urn;
}

/**
 * The deployment as one run changes it, kept in memory: the base checkpoint plus this run's mutations. Shared by
 * the live journal and by crash recovery (which replays the same mutations), so both produce the same result.
 */
export class DeploymentModel {
  private readonly base = new Map<string, ResourceV3>();
  private readonly touched = new Map<string, ResourceV3>();
  private readonly removed = new Set<string>();
  private readonly open = new Map<number, PendingOperation>();
  private readonly decided = new Set<string>();
  private readonly basePending: PendingOperation[];

  constructor(base: DeploymentV3 | undefined) {
    for (const resource of base?.resources ?? []) {
      let key = keyOf(resource.urn, resource.delete);
      // Go allows several pending-delete entries of one URN; keep each.
      while (this.base.has(key)) key += "#";
      this.base.set(key, resource);
    }
    this.basePending = base?.pending_operations ?? [];
  }

  begin(id: number, operation: PendingOperation): void {
    this.open.set(id, operation);
  }

  end(id: number): void {
    this.open.delete(id);
  }

  upsert(resource: ResourceV3): void {
    const key = keyOf(resource.urn, resource.delete);
    this.touched.set(key, resource);
    this.decided.add(resource.urn);
  }

  /** Keeps the base state of `urn` and marks it seen, so it is ordered with this run's resources. */
  same(urn: string): void {
    if (this.touched.has(urn)) return;
    const resource = this.base.get(urn);
    if (!resource || this.removed.has(urn)) {
      throw new StateError(
        StateCode.journalInvalid,
        `same(${urn}): the base deployment has no live resource with this URN`,
        "call upsert for resources that are not in the base deployment",
      );
    }
    this.touched.set(urn, resource);
    this.decided.add(urn);
  }

  remove(urn: string, pendingDelete = false): void {
    const key = keyOf(urn, pendingDelete);
    this.decided.add(urn);
    if (this.touched.delete(key)) return;
    for (let k = key; this.base.has(k); k += "#") {
      if (!this.removed.has(k)) {
        this.removed.add(k);
        return;
      }
    }
  }

  /** This run's resources in the order first touched, then untouched base resources, made topologically valid. */
  resources(): ResourceV3[] {
    const untouched = [...this.base]
      .filter(([key]) => !this.touched.has(key) && !this.removed.has(key))
      .map(([, r]) => r);
    return orderResources([...this.touched.values(), ...untouched]);
  }

  /** Operations begun and not ended, plus the base's pending operations on URNs this run has not decided. */
  pendingOperations(): PendingOperation[] {
    return [...this.basePending.filter((op) => !this.decided.has(op.resource.urn)), ...this.open.values()];
  }
}
