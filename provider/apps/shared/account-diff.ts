/**
 * The account diff and update gate every provider shares, driven by the field table (account-fields.ts):
 * `diff` compares every field and replaces only on the app's `replace` fields; `update` calls the app only
 * when an `app` field changed (or the provider has pending work), else it records the new inputs.
 */
import type { AppName } from "../../access/account-spec";
import { accountFieldOutcomes, fieldOutcome, type MappedField } from "./account-fields";
import { diffFields, sameValue, type FieldDiff } from "./diff";

type Fields = object;

/**
 * The diff of an account resource. `pending` flags work the inputs alone cannot show (a manager whose account
 * did not exist at the last update): the update then calls the app, as `appWork` answers.
 */
export function diffAccount(app: AppName, olds: Fields, news: Fields, options: { pending?: boolean } = {}): FieldDiff {
  const outcomes = accountFieldOutcomes(app);
  const replaceOn = Object.keys(outcomes).filter((field) => outcomes[field] === "replace");
  return diffFields(olds, news, Object.keys(outcomes), { replaceOn, extraChanges: options.pending });
}

/** The changed fields that need a call to the app (`mapped` resolved by the SCIM instance's mapping). */
export function appFieldsChanged(app: AppName, olds: Fields, news: Fields, mapped?: MappedField): string[] {
  const [before, after] = [olds as Record<string, unknown>, news as Record<string, unknown>];
  return Object.keys(accountFieldOutcomes(app)).filter(
    (field) => fieldOutcome(app, field, mapped) !== "record" && !sameValue(before[field], after[field]),
  );
}

/** Whether an update must call the app: an app field changed, or the provider has pending work. */
export function appWork(
  app: AppName,
  olds: Fields,
  news: Fields,
  options: { pending?: boolean; mapped?: MappedField } = {},
): boolean {
  return options.pending === true || appFieldsChanged(app, olds, news, options.mapped).length > 0;
}

/**
 * The outputs of a record-only update: the new inputs over what the app assigned (ids, DNs, created dates).
 * Input fields come from `news` alone, so a cleared optional field (a `revokedOn` lifted) is gone from state.
 */
export function recordOnlyOutputs<Outs extends object>(app: AppName, olds: Outs, news: object): Outs {
  const inputs = new Set([...Object.keys(accountFieldOutcomes(app)), "__provider"]);
  const assigned = Object.fromEntries(Object.entries(olds).filter(([key]) => !inputs.has(key)));
  return { ...assigned, ...news } as Outs;
}
