import type { ResourceV3 } from "../checkpoint/apitype";

// Every dynamic resource stores its serialized provider (~3 KB of JS, usually identical across thousands of
// resources) in both `inputs.__provider` and `outputs.__provider`. The journal writes each distinct text once, as a
// `blob` record, and refers to it as {"$blob": <id>}; `__provider` is reserved by the SDK, so the reference cannot
// collide with a user value. This keeps the journal ~10× smaller than the resources it records.
const MIN_BLOB = 256;
const PROVIDER_KEY = "__provider";

export interface BlobRef {
  $blob: number;
}

type Bag = Record<string, unknown> | undefined;

function mapProvider(bag: Bag, map: (value: unknown) => unknown): Bag {
  if (!bag || !(PROVIDER_KEY in bag)) return bag;
  const mapped = map(bag[PROVIDER_KEY]);
  return mapped === bag[PROVIDER_KEY] ? bag : { ...bag, [PROVIDER_KEY]: mapped };
}

function mapResource(resource: ResourceV3, map: (value: unknown) => unknown): ResourceV3 {
  const inputs = mapProvider(resource.inputs, map);
  const outputs = mapProvider(resource.outputs, map);
  if (inputs === resource.inputs && outputs === resource.outputs) return resource;
  return { ...resource, ...(inputs ? { inputs } : {}), ...(outputs ? { outputs } : {}) };
}

/** Writer side: replaces long `__provider` strings by references, announcing each new text through `emit`. */
export class BlobWriter {
  private readonly ids = new Map<string, number>();
  constructor(private readonly emit: (id: number, text: string) => void) {}

  shrink(resource: ResourceV3): ResourceV3 {
    return mapResource(resource, (value) => {
      if (typeof value !== "string" || value.length < MIN_BLOB) return value;
      let id = this.ids.get(value);
      if (id === undefined) {
        id = this.ids.size + 1;
        this.ids.set(value, id);
        this.emit(id, value);
      }
      return { $blob: id } satisfies BlobRef;
    });
  }
}

/** Reader side: puts the texts back. */
export class BlobReader {
  private readonly texts = new Map<number, string>();

  add(id: number, text: string): void {
    this.texts.set(id, text);
  }

  expand(resource: ResourceV3): ResourceV3 {
    return mapResource(resource, (value) => {
      if (typeof value !== "object" || value === null || !("$blob" in value)) return value;
      const text = this.texts.get((value as BlobRef).$blob);
      if (text === undefined) throw new Error(`blob ${(value as BlobRef).$blob} is referenced before it is defined`);
      return text;
    });
  }
}
