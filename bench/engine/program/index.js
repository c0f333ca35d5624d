// Engine benchmark program: `bench:count` trivial dynamic resources whose provider does no I/O. With
// IDLC_TARGET_URNS set (idlc up --target), only the targeted resources are declared: untargeted ones keep their state.
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
const targets = process.env.IDLC_TARGET_URNS ? new Set(JSON.parse(process.env.IDLC_TARGET_URNS).map((u) => u.split("::").pop())) : undefined;
for (let i = 0; i < count; i++) {
  const name = `item-${i}`;
  if (targets && !targets.has(name)) continue;
  new Item(name, { key: name, value: i === changed ? `changed ${i}` : `value ${i}` });
}
