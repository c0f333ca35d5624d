/**
 * Declares resources a batch at a time, with backpressure: batch k+1 is declared only once the engine has
 * registered every resource of batch k-1, so at most two batches are pending in the program at any time.
 * Every resource the SDK has not yet registered holds a few dozen promises per input property; an org declared in
 * one synchronous loop holds them all at once (bench/identity-stack: 4 GB RSS and no registration reaching the
 * engine for minutes at ~17k accounts, under the program's 1.5 GB heap cap).
 */
import * as pulumi from "@pulumi/pulumi";

/** Resources an engine has registered once their URN is known; a URN is always known, in preview too. */
function registered(resources: readonly pulumi.Resource[]): Promise<void> {
  if (resources.length === 0) return Promise.resolve();
  // A failed registration never resolves its URN; the engine cancels a program whose step failed.
  return new Promise((resolve) => void pulumi.all(resources.map((r) => r.urn)).apply(() => resolve()));
}

function take<T>(items: Iterator<T>, count: number): T[] {
  const batch: T[] = [];
  while (batch.length < count) {
    const next = items.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}

/** Runs `declarations` to the end, `size` at a time, waiting for the batch before last between batches. */
export async function declareInBatches(declarations: Iterator<pulumi.Resource>, size: number): Promise<void> {
  // Not in the caller's turn: the program declares from its module's top level, deep in Node's require chain, and
  // the SDK formats the whole stack through source maps for every resource it constructs (Resource.stackTrace).
  // From here the stack holds only the declaring frames: about half as many, each a source-map lookup.
  await Promise.resolve();
  let previous: pulumi.Resource[] = [];
  for (let batch = take(declarations, size); batch.length > 0; batch = take(declarations, size)) {
    await registered(previous);
    previous = batch;
  }
}
