/**
 * Details panel and headline figures, as pure builders of HTML/SVG virtual nodes. Every text from
 * data (place names, source names, URLs) is a text child, so it is never parsed as markup.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import type { FlowSeries, GroupTrack, Headline, TrackFrame } from "../data/replay.ts";
import { dateOf } from "../data/replay.ts";
import {
  categoryName,
  formatCount,
  formatDate,
  groupStatusText,
  notSeenSinceText,
  placeLabel,
  tr,
  unseenNoteText,
} from "../i18n.ts";
import type { TextKey, PlaceNames } from "../i18n.ts";
import { DIRECTION_COLOUR, CATEGORY_COLOUR } from "../palette.ts";
import { h, svgRoot } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";

/** The source's confidence code's dictionary key (i18n.ts); an unknown code is written as is. */
const CONFIDENCE_KEYS: Readonly<Record<string, TextKey>> = {
  high: "confidenceHigh",
  medium: "confidenceMedium",
  low: "confidenceLow",
};

/** The source's confidence in words ("confidence: high", "confianza: alta"). */
export function confidenceText(lang: Lang, code: string): string {
  const key = Object.hasOwn(CONFIDENCE_KEYS, code) ? CONFIDENCE_KEYS[code] : undefined;
  return `${tr(lang, "confidence")}: ${key ? tr(lang, key) : code}`;
}

/** A link only for http(s) addresses; anything else (javascript:, data:) stays plain text. */
function sourceLink(text: string, url: string | undefined): VNode | string {
  if (url && /^https?:\/\//i.test(url))
    return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
  return text;
}

function interval(lang: Lang, v: number, lo: number, hi: number, unit = ""): string {
  return `${formatCount(lang, v)}${unit} (${formatCount(lang, lo)}–${formatCount(lang, hi)}${unit})`;
}

/**
 * The library's estimate of a group for the day of time t (the same day the map shows), or
 * undefined on a day the library has no estimate for it.
 */
export function groupEstimateAt(group: GroupTrack, t: number) {
  const day = Math.floor(t);
  return group.frames.find((f) => Math.floor(f.t) === day);
}

/**
 * How the group's people are accounted on the day, read from the library's state (the frame's
 * status, people on the road, people held at its destination): an arrived group's size is not
 * people at a place, so the panel says where its people are counted instead.
 */
function accountingLines(f: TrackFrame, lang: Lang, places: PlaceNames): VNode[] {
  const dt = h("dt", {}, tr(lang, "accounting"));
  if (f.status === "arrived" && f.arrivedOn !== undefined) {
    const where = f.atDestinationPlace ?? f.atPlace;
    const place = where !== undefined ? placeLabel(lang, where, places) : "–";
    const date = formatDate(lang, f.arrivedOn, false);
    const line =
      f.atDestination !== undefined
        ? tr(lang, "arrivedHeld")
            .replace("{date}", date)
            .replace("{held}", formatCount(lang, f.atDestination))
            .replace("{place}", place)
        : tr(lang, "arrivedCounted").replace("{date}", date).replace("{place}", place);
    return [
      dt,
      h("dd", { "data-field": "accounted", "data-status": "arrived" }, line),
      h("dd", { class: "note", "data-field": "size-note" }, tr(lang, "arrivedSizeNote")),
    ];
  }
  if (f.status === "on_road" && f.onRoad !== undefined && f.unseenSince === undefined)
    return [
      h("dt", {}, tr(lang, "onRoadPeople")),
      h("dd", { "data-field": "accounted", "data-status": "on_road" }, formatCount(lang, f.onRoad)),
    ];
  const status = groupStatusText(lang, f.status);
  return status
    ? [dt, h("dd", { "data-field": "accounted", "data-status": f.status ?? "" }, status)]
    : [];
}

/**
 * Details of a group: size and km with 90 % intervals on the day shown, and the reports behind.
 * @example groupDetails(replay.groups[0], 10.5, "en", "2018-10-12")
 */
export function groupDetails(
  group: GroupTrack,
  t: number,
  lang: Lang,
  start: string,
  places: PlaceNames = [],
): VNode {
  const f = groupEstimateAt(group, t);
  return h(
    "section",
    { class: "details-group", "data-kind": "group" },
    h("h3", {}, group.label),
    f?.unseenSince !== undefined ? unseenNote(lang, f.unseenSince) : null,
    f
      ? h(
          "dl",
          {},
          h("dt", {}, `${tr(lang, "size")} · ${formatDate(lang, dateOf(start, f.t))}`),
          h(
            "dd",
            { "data-field": "size" },
            Number.isFinite(f.size)
              ? interval(lang, f.size, f.sizeLow, f.sizeHigh)
              : tr(lang, "sizeUnknown"),
          ),
          h("dt", {}, `${tr(lang, "kmAlong")} (${f.routeId})`),
          // Whole km, as the evidence's estimate line (not rounded to 10 like a count of people).
          h(
            "dd",
            { "data-field": "km" },
            `${formatCount(lang, f.km)} km (${formatCount(lang, f.kmLow)}–${formatCount(lang, f.kmHigh)} km)`,
          ),
          h("dt", {}, tr(lang, "body")),
          h(
            "dd",
            { "data-field": "body" },
            `${formatCount(lang, f.tailKm)}–${formatCount(lang, f.headKm)} km`,
          ),
          h("dd", { class: "note" }, tr(lang, "interval")),
          ...accountingLines(f, lang, places),
        )
      : h("p", { class: "note" }, "–"),
    h("h4", {}, tr(lang, "reports")),
    group.reports.length
      ? h(
          "ol",
          { class: "reports" },
          group.reports.map((r) => {
            const size =
              r.sizeBest !== undefined
                ? formatCount(lang, r.sizeBest)
                : r.sizeMin !== undefined || r.sizeMax !== undefined
                  ? `${r.sizeMin !== undefined ? formatCount(lang, r.sizeMin) : "…"}–${r.sizeMax !== undefined ? formatCount(lang, r.sizeMax) : "…"}`
                  : tr(lang, "sizeUnknown");
            return h(
              "li",
              { class: Math.abs(r.t - t) <= 1 ? "near" : undefined },
              h("span", { class: "when" }, formatDate(lang, r.date, false)),
              " ",
              h(
                "span",
                { class: "where" },
                r.placeName ? placeLabel(lang, r.placeName, places) : "–",
              ),
              " · ",
              h("strong", {}, size),
              " · ",
              sourceLink(r.sourceOrg ?? r.sourceType ?? "?", r.url),
              r.confidence
                ? h(
                    "span",
                    { class: `conf conf-${r.confidence}`, "data-confidence": r.confidence },
                    ` (${confidenceText(lang, r.confidence)})`,
                  )
                : null,
            );
          }),
        )
      : h("p", { class: "note" }, tr(lang, "noReports")),
  );
}

/**
 * "Not seen since D": the library's state counts none of the group on the road that day (its
 * `unseenSince`); shown in the details and the evidence panel.
 */
export function unseenNote(lang: Lang, since: string): VNode {
  return h(
    "p",
    { class: "note unseen", "data-unseen-since": since },
    h("strong", {}, notSeenSinceText(lang, since)),
    `. ${unseenNoteText(lang)}`,
  );
}

/**
 * Details of a border point: a bar chart of daily counts by direction (northbound up,
 * southbound down), the current day highlighted, and the day's figures with sources.
 */
export function flowDetails(
  flow: FlowSeries,
  t: number,
  lang: Lang,
  days: number,
  width = 300,
): VNode {
  const height = 120;
  const mid = height / 2;
  const x = scaleBand<number>()
    .domain(Array.from({ length: Math.ceil(days) + 1 }, (_, i) => i))
    .range([4, width - 4])
    .padding(0.15);
  const max = Math.max(
    1,
    ...flow.days.flatMap((d) => [d.byDirection.northbound ?? 0, d.byDirection.southbound ?? 0]),
  );
  const y = scaleLinear()
    .domain([0, max])
    .range([0, mid - 12]);
  const today = flow.days.find((d) => d.t === Math.floor(t));
  return h(
    "section",
    { class: "details-flow", "data-kind": "place" },
    h("h3", {}, placeLabel(lang, flow)),
    h("h4", {}, tr(lang, "countsByDay")),
    flow.days.length
      ? svgRoot(
          width,
          height,
          {
            class: "flow-bars",
          },
          h("title", {}, `${placeLabel(lang, flow)}: ${tr(lang, "countsByDay")}`),
          h("line", {
            x1: 0,
            x2: width,
            y1: mid,
            y2: mid,
            stroke: "currentColor",
            "stroke-opacity": 0.4,
          }),
          flow.days.map((d) => {
            const n = d.byDirection.northbound;
            const s = d.byDirection.southbound;
            const xx = x(d.t) ?? 0;
            const on = d.t === Math.floor(t);
            return h(
              "g",
              { opacity: on ? 1 : 0.75 },
              n !== undefined
                ? h("rect", {
                    x: xx,
                    width: x.bandwidth(),
                    y: mid - y(n),
                    height: y(n),
                    fill: DIRECTION_COLOUR.northbound,
                  })
                : null,
              s !== undefined
                ? h("rect", {
                    x: xx,
                    width: x.bandwidth(),
                    y: mid,
                    height: y(s),
                    fill: DIRECTION_COLOUR.southbound,
                  })
                : null,
              h(
                "title",
                {},
                `${formatDate(lang, d.date)}: ${tr(lang, "northbound")} ${n !== undefined ? formatCount(lang, n) : "–"}, ${tr(lang, "southbound")} ${s !== undefined ? formatCount(lang, s) : "–"}`,
              ),
            );
          }),
          h("rect", {
            x: (x(Math.floor(t)) ?? 0) - 1,
            width: x.bandwidth() + 2,
            y: 2,
            height: height - 4,
            fill: "none",
            stroke: "currentColor",
            "data-role": "cursor",
          }),
          h(
            "text",
            { x: 4, y: 11, "font-size": 10, fill: "currentColor" },
            `▲ ${tr(lang, "northbound")}`,
          ),
          h(
            "text",
            { x: 4, y: height - 3, "font-size": 10, fill: "currentColor" },
            `▼ ${tr(lang, "southbound")}`,
          ),
        )
      : h("p", { class: "note" }, tr(lang, "noCounts")),
    today
      ? h(
          "dl",
          {},
          h("dt", {}, formatDate(lang, today.date)),
          (["northbound", "southbound", "unknown"] as const).map((dir) =>
            today.byDirection[dir] !== undefined
              ? h(
                  "dd",
                  { "data-field": dir },
                  `${tr(lang, dir)}: ${formatCount(lang, today.byDirection[dir]!)}`,
                )
              : null,
          ),
          today.sources.length
            ? h("dd", { class: "note" }, `${tr(lang, "sources")}: ${today.sources.join("; ")}`)
            : null,
        )
      : null,
  );
}

/**
 * Headline figures as of day t: for every category (asylum claims, returns, … and people
 * remaining, which is a stock present rather than a running total), the latest figure on or
 * before t, with its date and source. Several sources on the same latest date are all listed.
 */
export function headlinesAt(headlines: Headline[], t: number): Headline[] {
  const latest = new Map<string, Headline[]>();
  for (const hl of headlines) {
    if (hl.t > Math.floor(t) + 1) continue;
    if (hl.basis !== "cumulative" && hl.category !== "remaining") continue;
    const key = hl.category;
    const cur = latest.get(key);
    if (!cur || cur[0]!.date < hl.date) latest.set(key, [hl]);
    else if (cur[0]!.date === hl.date) cur.push(hl);
  }
  return [...latest.values()].flat();
}

/**
 * The figures of `headlinesAt` with one line per figure: sources that published the same figure
 * (category, value, qualifier, place, date) are listed together on it, not as repeated lines
 * ("27 Returns · GTM" twice, from "IOM (UN inter-agency report)" and "IOM").
 */
export function sameFigureOnce(shown: readonly Headline[]): Headline[][] {
  const lines = new Map<string, Headline[]>();
  for (const hl of shown) {
    const key = JSON.stringify([
      hl.category,
      hl.value,
      hl.qualifier ?? "",
      hl.placeName ?? "",
      hl.country ?? "",
      hl.date,
    ]);
    const line = lines.get(key);
    if (line) line.push(hl);
    else lines.set(key, [hl]);
  }
  return [...lines.values()];
}

const QUALIFIER: Record<Lang, Record<string, string>> = {
  en: { over: "over ", about: "about ", at_least: "at least ", up_to: "up to " },
  es: { over: "más de ", about: "unas ", at_least: "al menos ", up_to: "hasta " },
};

/**
 * The figures the sources reported, latest first per category as of day t (`headlinesAt`), each
 * as the source gave it — the exact number (7,013, not 7,010: it is a count someone published, not
 * an estimate), its qualifier, place (in the language's name, `placeLabel`), date and source. The
 * title says they are reported figures: beside the situation update's estimates of the same
 * categories ("Asylum claims: 3,740" estimated, "3,800 Asylum claims" reported on 15 Nov), a bare
 * "As of" read as a second estimate that disagreed with the first.
 * @param places the replay's places, for their Spanish names.
 */
export function headlineList(
  headlines: Headline[],
  t: number,
  lang: Lang,
  start: string,
  places: PlaceNames = [],
): VNode {
  const shown = headlinesAt(headlines, t);
  return h(
    "section",
    { class: "headlines", "aria-live": "polite" },
    h("h2", {}, `${tr(lang, "headlineTitle")} ${formatDate(lang, dateOf(start, t))}`),
    shown.length
      ? h(
          "ul",
          {},
          sameFigureOnce(shown).map(([hl, ...more]) =>
            h(
              "li",
              { "data-category": hl!.category },
              h("span", { class: "swatch", style: `background:${CATEGORY_COLOUR[hl.category]}` }),
              h(
                "strong",
                { class: "figure", "data-value": String(hl.value) },
                `${hl.qualifier ? (QUALIFIER[lang][hl.qualifier] ?? "") : ""}${formatCount(lang, hl.value)}`,
              ),
              " ",
              h("span", {}, categoryName(lang, hl.category)),
              hl.placeName
                ? h("span", { class: "muted" }, ` · ${placeLabel(lang, hl.placeName, places)}`)
                : hl.country
                  ? h("span", { class: "muted" }, ` · ${hl.country}`)
                  : null,
              h(
                "span",
                { class: "source" },
                `${formatDate(lang, hl.date)} · `,
                ...[hl, ...more].flatMap((x, i) => [
                  ...(i ? [", "] : []),
                  sourceLink(x.sourceOrg ?? "?", x.url),
                ]),
              ),
            ),
          ),
        )
      : h("p", { class: "note" }, tr(lang, "headlineNone")),
  );
}
