import { cutNote, type Block } from "./fit-comment";
import { cell, urnName, type PolicyResult } from "./comment-inputs";

// `remediate` reports a value the pack fixed itself: worth reading, not a reason to stop.
const mandatory = (p: PolicyResult) => p.enforcementLevel === "mandatory";

/** The mandatory violations that block `up`; the verdict line counts them. */
export const blocking = (policy: readonly PolicyResult[]) => policy.filter(mandatory);

/**
 * `rule · where: message` — where is the person and app of an account (`Jane Doe (E012) in slack`), the group,
 * or the whole stack. Display names come from the people summary when the person is in it.
 */
function entry(p: PolicyResult, names: ReadonlyMap<string, string>, packs: number): string {
  const rule = packs > 1 ? `${p.policyPackName}/${p.policyName}` : p.policyName;
  return `- **${rule}** · ${where(p.resourceUrn, names)}: ${cell(p.message.trim())}`;
}

function where(urn: string | undefined, names: ReadonlyMap<string, string>): string {
  if (!urn) return "whole stack";
  const [app, rest, group] = urnName(urn).split("/");
  if (rest === "groups" && group) return `${app} group \`${group}\``;
  if (!app || !rest) return `\`${urnName(urn)}\``;
  const name = names.get(rest);
  return `${name ? `${cell(name)} (${rest})` : rest} in ${app}`;
}

/** Mandatory violations first (cut last of all), then advisory ones (cut early). */
export function policyBlocks(
  policy: readonly PolicyResult[],
  names: ReadonlyMap<string, string>,
  packsRun?: readonly string[],
): Block[] {
  const sorted = [...policy].sort(
    (a, b) => a.policyName.localeCompare(b.policyName) || (a.resourceUrn ?? "").localeCompare(b.resourceUrn ?? ""),
  );
  const packs = new Set(policy.map((p) => p.policyPackName)).size;
  const [hard, soft] = [sorted.filter(mandatory), sorted.filter((p) => !mandatory(p))];
  const ran =
    packsRun === undefined
      ? ""
      : packsRun.length === 0
        ? " _(no policy pack ran: pass `--policy-pack policies`)_"
        : ` _(${packsRun.join(", ")})_`;
  const heading = [`### Policy results${ran}`, ""];
  if (policy.length === 0)
    return [
      { head: [...heading, packsRun?.length === 0 ? "Not checked." : "No violations.", ""], items: [], tail: [] },
    ];
  const block = (list: PolicyResult[], title: string, rank: number, what: string): Block[] =>
    list.length === 0
      ? []
      : [
          {
            head: [`**${title} (${list.length})**`, ""],
            items: list.map((p) => entry(p, names, packs)),
            tail: [""],
            rank,
            cutNote: cutNote(what, "idlc preview --json"),
          },
        ];
  return [
    { head: heading, items: [], tail: [] },
    ...block(hard, "Mandatory: these block the apply", 4, "mandatory violations"),
    ...block(soft, "Advisory and remediated", 2, "advisory results"),
  ];
}
