/**
 * What every group provider does the same way: read the app's settings in `configure`, check the GroupSpec inputs,
 * and diff them field by field (a group never needs replacing for a name change).
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkGroupInputs } from "./check";
import { diffFields } from "./diff";
import { readAppSettings, type SchemaFactory } from "./settings";

/** The GroupSpec inputs a group's diff compares. */
export const GROUP_FIELDS = ["name", "displayName", "description", "privileged", "roleIds"] as const;

type GroupInputs = { name: string } & object;

export function groupProviderBasics<Settings, Inputs extends GroupInputs>(
  app: string,
  schema: SchemaFactory<Settings>,
  open: (settings: Settings) => void,
): Pick<Required<pulumi.dynamic.ResourceProvider<Inputs>>, "configure" | "check" | "diff"> {
  return {
    async configure(req) {
      open(readAppSettings(req, app, schema));
    },
    async check(_olds, news) {
      return checkGroupInputs(news);
    },
    async diff(_id, olds, news) {
      return diffFields(olds as object, news as object, GROUP_FIELDS);
    },
  };
}
