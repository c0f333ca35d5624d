// Engine benchmark program: `bench:count` trivial dynamic resources whose provider does no I/O. With
// IDLC_TARGETS_FILE set (idlc up --target), only the targeted resources are declared: untargeted ones keep their state.
"use strict";
const pulumi = require("@pulumi/pulumi");

const provider = {
  async check(olds, news) {
    return { inputs: news };
  },
  async diff(id, olds, news) {
    return { changes: olds.value !== news.value };
  },
  async create(inputs) {
    return { id: inputs.key, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(id, olds, news) {
    return { outs: news };
  },
  async delete() {},
};

class Item extends pulumi.dynamic.Resource {
  constructor(name, args) {
    super(provider, name, args, {}, "bench", "Item");
  }
}

const config = new pulumi.Config();
const count = config.requireNumber("count");
const changed = config.getNumber("changed");
const targets = process.env.IDLC_TARGETS_FILE
  ? new Set(
      JSON.parse(require("node:fs").readFileSync(process.env.IDLC_TARGETS_FILE, "utf8")).map((u) =>
        u.split("::").pop(),
      ),
    )
  : undefined;
// Declaring in batches with a yield in between lets the provider closure be serialized while the heap is still
// small and registrations flow while the rest are declared. One synchronous loop of 20,000 constructors first
// grows the heap to ~1.7 GB, and the SDK's inspector-based closure serialization then crashed V8 (a fatal check in
// ScopeIterator) in 2 of 3 runs.
module.exports = async () => {
  for (let i = 0; i < count; i++) {
    const name = `item-${i}`;
    if (targets && !targets.has(name)) continue;
    new Item(name, { key: name, value: i === changed ? `changed ${i}` : `value ${i}` });
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
};
