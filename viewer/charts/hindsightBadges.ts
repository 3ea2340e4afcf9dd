/**
 * While the situation panel's switch is "As known on <day>", the panels that stay with hindsight
 * — the map (group sizes and places), the split chart, the small multiples of people present and
 * the time–distance chart of the evidence panel (the estimate of every day from all the data) —
 * say so on themselves, so no figure on screen is read as known on the day when it is not
 * (the situation panel and the split readout follow the switch). Each label is an element with
 * `data-basis="hindsight"` and `data-for` naming its panel; they are removed when the switch is
 * back on "With hindsight". The details of a selected group or border point (a group's estimate of
 * the day, a point's counts of every day) are with hindsight too: labelled inside `#details` while
 * a selection is shown (`labelDetails`).
 */
import { tr } from "../i18n.ts";
import type { Lang } from "../state.ts";

/** The panels that stay with hindsight, by the id of the element the label goes in. */
export const HINDSIGHT_PANELS = [
  "map",
  "split-title",
  "multiples-title",
  "evidence-title",
] as const;

/**
 * Puts (`on`) or takes away the "With hindsight" labels, in `lang`.
 * @example labelHindsight(true, "en") // the map, the split chart and the multiples say "With hindsight: …"
 */
export function labelHindsight(on: boolean, lang: Lang): void {
  for (const id of HINDSIGHT_PANELS) {
    const holder = document.getElementById(id);
    if (!holder) continue;
    let badge = document.querySelector<HTMLElement>(`.hindsight-badge[data-for="${id}"]`);
    if (!on) {
      badge?.remove();
      continue;
    }
    if (!badge) {
      badge = newBadge(id);
      // Over the map; under a chart's heading (whose text the language switch rewrites).
      if (id === "map") holder.append(badge);
      else holder.after(badge);
    }
    const text = tr(lang, "hindsightBadge");
    if (badge.textContent !== text) badge.textContent = text;
  }
}

function newBadge(id: string): HTMLElement {
  const badge = document.createElement("p");
  badge.className = "hindsight-badge";
  badge.dataset.basis = "hindsight";
  badge.dataset.for = id;
  return badge;
}

/**
 * Labels the details just drawn in `holder` (a selection's, freshly mounted) when the switch is on
 * "As known on <day>" (`on`): a group's size and km of the day and a border point's counts are
 * read from the replay of all the data.
 */
export function labelDetails(holder: HTMLElement, on: boolean, lang: Lang): void {
  holder.querySelector(".hindsight-badge")?.remove();
  if (!on) return;
  const badge = newBadge("details");
  badge.textContent = tr(lang, "hindsightBadge");
  holder.append(badge);
}
