/**
 * The SDK types `outs` as optional on every result; providers under test always return them. This view states
 * that (and fails loudly if one is missing), so tests read `created.outs.x` without assertions everywhere.
 */
import type * as pulumi from "@pulumi/pulumi";

export interface StrictProvider<I, O> {
  configure(req: unknown): Promise<void>;
  check(olds: unknown, news: I): Promise<pulumi.dynamic.CheckResult<I>>;
  diff(id: string, olds: O, news: I): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: I): Promise<{ id: string; outs: O }>;
  read(id: string, props: O): Promise<{ id: string; props?: O }>;
  update(id: string, olds: O, news: I): Promise<{ outs: O }>;
  delete(id: string, props: O): Promise<void>;
}

const present = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`provider returned no ${what}`);
  return value;
};

export function strict<I, O>(p: pulumi.dynamic.ResourceProvider<I, O>): StrictProvider<I, O> {
  return {
    configure: async (req) => p.configure?.(req as pulumi.dynamic.ConfigureRequest),
    check: (olds, news) => p.check!(olds as I, news),
    diff: (id, olds, news) => p.diff!(id, olds, news),
    create: async (inputs) => {
      const r = await p.create(inputs);
      return { id: r.id, outs: present(r.outs, "outs") };
    },
    read: async (id, props) => {
      const r = await p.read!(id, props);
      return { id: r.id ?? "", props: r.props };
    },
    update: async (id, olds, news) => ({ outs: present((await p.update!(id, olds, news)).outs, "outs") }),
    delete: async (id, props) => p.delete!(id, props),
  };
}
