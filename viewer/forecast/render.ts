/**
 * Pure builders of the forecast panel (testable in Node): the table of expected arrivals per place
 * and the forecast cones ahead of each group on the map, as virtual nodes (render/vnode.ts).
 */
import {
  arrivedByNow,
  listedArrivals,
  placedText,
  positionUnknownText,
  situationWords,
} from "../../src/index.ts";
import { formatDate, formatCount, placeLabel } from "../i18n.ts";
import { h } from "../render/vnode.ts";
import type { VNode } from "../render/vnode.ts";
import type { Lang } from "../state.ts";
import type { ForecastView } from "./view.ts";

type Key =
  | "title"
  | "asOf"
  | "asOfOnly"
  | "computing"
  | "failed"
  | "place"
  | "group"
  | "expected"
  | "range"
  | "people"
  | "within"
  | "none"
  | "cones"
  | "note"
  | "later"
  | "otherData"
  | "corrected"
  | "first"
  | "statusTitle"
  | "arrived"
  | "dissolved"
  | "accountedFor"
  | "lastSeen"
  | "already"
  | "mostPassed"
  | "lastBy"
  | "lastAfter"
  | "sizeUnknown";

const TEXT: Record<Lang, Record<Key, string>> = {
  en: {
    title: "Forecast: expected arrivals",
    asOf: "From the data up to",
    asOfOnly: "only (the map uses all the data, later reports included)",
    computing: "computing the forecast…",
    failed: "The forecast could not be computed:",
    place: "Place",
    group: "Group",
    expected: "Expected (p50; p10–p90)",
    first: "First people (p50)",
    range: "p10–p90",
    people: "People (p50)",
    within: "Within",
    none: "No group is expected at a place within the horizon.",
    cones: "Show forecast cones on the map",
    note: "Expected: when the group's median person arrives (when most need beds); first people: when its head arrives (when shelters must open). Monte Carlo of the estimator's movement model from each group's last estimated position, as dtm-flow forecast; cones shade where the group may be each day (p10–p90 of km), dots mark the p50 at +7 and +14 days.",
    later: "later",
    corrected:
      "With your corrections (evidence panel): the forecast of dtm-flow forecast --corrections with the same file.",
    otherData:
      "The forecast panel runs on the embedded 2018 data. For your files, run on the command line: npx dtm-flow forecast --sightings your-file.csv --out forecast (it writes forecast.csv).",
    statusTitle: "Arrived, accounted for, dissolved or position unknown (no place forecast)",
    arrived: "arrived at the end of its route:",
    dissolved: "dissolved (no report for more than {days} days); last placed",
    accountedFor: "accounted for (all its people counted at places); last placed",
    lastSeen: "last position report",
    already: "already there",
    mostPassed: "most already past",
    lastBy: "the last may arrive by",
    lastAfter: "the last may arrive after the horizon",
    sizeUnknown: "size not given",
  },
  es: {
    title: "Pronóstico: llegadas esperadas",
    asOf: "Con los datos hasta el",
    asOfOnly: "solamente (el mapa usa todos los datos, incluidos los reportes posteriores)",
    computing: "calculando el pronóstico…",
    failed: "No se pudo calcular el pronóstico:",
    place: "Lugar",
    group: "Grupo",
    expected: "Esperada (p50; p10–p90)",
    first: "Primeras personas (p50)",
    range: "p10–p90",
    people: "Personas (p50)",
    within: "En",
    none: "No se espera ningún grupo en un lugar dentro del horizonte.",
    cones: "Mostrar los conos de pronóstico en el mapa",
    note: "Esperada: cuando llega la persona mediana del grupo (cuando la mayoría necesita cama); primeras personas: cuando llega su cabeza (cuando los albergues deben abrir). Monte Carlo del modelo de movimiento del estimador desde la última posición estimada de cada grupo, como dtm-flow forecast; los conos sombrean dónde puede estar el grupo cada día (p10–p90 de km), los puntos marcan la p50 a +7 y +14 días.",
    later: "después",
    corrected:
      "Con sus correcciones (panel de evidencia): el pronóstico de dtm-flow forecast --corrections con el mismo archivo.",
    otherData:
      "El panel de pronóstico usa los datos de 2018 incluidos. Para sus archivos, ejecute en la línea de comandos: npx dtm-flow forecast --sightings su-archivo.csv --out pronostico (escribe forecast.csv).",
    statusTitle:
      "Llegados, contabilizados, disueltos o de posición desconocida (sin lugar pronosticado)",
    arrived: "llegó al final de su ruta:",
    dissolved: "disuelto (sin reportes desde hace más de {days} días); ubicado por última vez",
    accountedFor: "contabilizado (todas sus personas contadas en lugares); ubicado por última vez",
    lastSeen: "último reporte de posición",
    already: "ya llegaron",
    mostPassed: "la mayoría ya pasó",
    lastBy: "los últimos pueden llegar hasta el",
    lastAfter: "los últimos pueden llegar después del horizonte",
    sizeUnknown: "sin cifra",
  },
};

/** Text of the panel in `lang`. */
export function forecastText(lang: Lang, key: Key): string {
  return TEXT[lang][key];
}

/**
 * Rows of the arrivals table: for each group (in the nowcast's order), the rows the library's
 * `listedArrivals` keeps — the place just passed by most of the group, the places ahead with at
 * least `minProb` chance of arriving within the horizon (nearest first), and the route's end
 * whatever its chance (its dates then read "later"), at most `perGroup` rows. The places
 * `dtm-flow forecast` prints for the group are among them (the CLI uses the same rule). None for a
 * group whose position is unknown (the library's `positionUnknown`), as the CLI lists none.
 */
export function arrivalRows(
  view: ForecastView,
  minProb = 0.1,
  perGroup = 12,
): ForecastView["arrivals"] {
  return view.groups.flatMap((g) =>
    g.positionUnknown
      ? []
      : listedArrivals(view.arrivals, g.group, {
          minProb,
          probOf: (a) => a.prob,
          maxRows: perGroup,
        }),
  );
}

type Arrival = ForecastView["arrivals"][number];
type Group = ForecastView["groups"][number];

/**
 * The arrivals table (HTML): one body per group (its name as a header row), a row per place ahead.
 * @param colourOf colour of a group (a swatch in its header row).
 */
export function forecastTable(
  view: ForecastView,
  lang: Lang,
  colourOf: (group: string) => string = () => "currentColor",
  perGroup = 12,
): VNode {
  const rows = arrivalRows(view, 0.1, perGroup);
  if (rows.length === 0) return h("p", { class: "note", "data-empty": "1" }, TEXT[lang].none);
  const groups = view.groups.filter((g) => rows.some((r) => r.group === g.group));
  return h(
    "table",
    { class: "forecast-table" },
    tableHead(view, lang),
    groups.map((g) =>
      h(
        "tbody",
        { "data-group": g.group },
        groupRow(g, lang, colourOf(g.group)),
        rows.filter((a) => a.group === g.group).map((a) => arrivalRow(a, lang, view.asOfDate)),
      ),
    ),
  );
}

/** The table's column heads: place, expected, first people, people, within the horizon. */
function tableHead(view: ForecastView, lang: Lang): VNode {
  const t = TEXT[lang];
  return h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("th", { scope: "col" }, t.place),
      h("th", { scope: "col" }, t.expected),
      h("th", { scope: "col" }, t.first),
      h("th", { scope: "col" }, t.people),
      h("th", { scope: "col" }, `${t.within} ${view.horizonDays} d`),
    ),
  );
}

/** A group's header row: its swatch, its name and when it was last reported. */
function groupRow(g: Group, lang: Lang, colour: string): VNode {
  return h(
    "tr",
    { class: "group-row" },
    h(
      "th",
      { colspan: 5, scope: "rowgroup" },
      h("span", { class: "swatch", style: `background:${colour}` }),
      ` ${g.group}`,
      // When it was last reported: its track (the forecast's start) may run days past it.
      g.lastReport
        ? h(
            "span",
            { class: "last-report", "data-last-report": g.lastReport },
            ` · ${TEXT[lang].lastSeen} ${formatDate(lang, g.lastReport, false)}`,
          )
        : null,
    ),
  );
}

/** One place ahead: the median person's p50 (p10–p90 under it), the head's, people, chance. */
function arrivalRow(a: Arrival, lang: Lang, asOfDate: string): VNode {
  // A date on or before the as-of day is over (the data run to its 24:00): "by now", the
  // library's words and rule (`arrivedByNow`), as `dtm-flow forecast` says it.
  const date = (d: string | undefined) =>
    d === undefined
      ? TEXT[lang].later
      : arrivedByNow(d, asOfDate)
        ? situationWords(lang).byNow
        : formatDate(lang, d, false);
  const byNow = (d: string | undefined) => arrivedByNow(d, asOfDate);
  return h(
    "tr",
    { "data-place": a.place, "data-group": a.group },
    h("th", { scope: "row" }, placeLabel(lang, { name: a.place, nameEs: a.placeEs })),
    // The p10–p90 under the p50, smaller: six columns do not fit the side panel. A place behind
    // most of the group (the library's `mostPassed`) says so, with when the last may arrive (p90).
    a.mostPassed
      ? h(
          "td",
          { "data-date": a.p50 ?? "", "data-most-passed": "1" },
          TEXT[lang].mostPassed,
          h(
            "span",
            { class: "range", title: TEXT[lang].range },
            // No p90 within the horizon: "after the horizon", not "by later".
            a.p90 === undefined ? TEXT[lang].lastAfter : `${TEXT[lang].lastBy} ${date(a.p90)}`,
          ),
        )
      : h(
          "td",
          // "by now" is wider than a date: that cell may wrap (the table fits the side panel).
          { "data-date": a.p50 ?? "", class: [a.p10, a.p50].some(byNow) ? "" : "nowrap" },
          date(a.p50),
          h("span", { class: "range", title: TEXT[lang].range }, `${date(a.p10)}–${date(a.p90)}`),
        ),
    h(
      "td",
      {
        class: byNow(a.head?.p50) ? "" : "nowrap",
        "data-head-date": a.head?.p50 ?? "",
        ...(a.headReached ? { "data-head-reached": "1" } : {}),
      },
      a.headReached ? TEXT[lang].already : a.head ? date(a.head.p50) : "–",
    ),
    // No source sized the group (the CLI warns so): said in words, a bare dash read as none.
    a.people
      ? h("td", {}, formatCount(lang, a.people.p50))
      : h("td", { class: "muted small", "data-people": "unknown" }, TEXT[lang].sizeUnknown),
    h("td", { class: "nowrap" }, `${Math.round(a.prob * 100)} %`),
  );
}

/**
 * The groups the forecast does not move on, one line each: arrived at the end of its route (where),
 * accounted for or dissolved (where it was last placed), with the day of its last observation — what
 * `dtm-flow forecast` writes as the `arrived` / `dissolved` rows of forecast.csv — and the groups
 * on the road whose position is unknown, in the CLI's sentence (the library's
 * `positionUnknownText`). Nothing when every group is on the road with a place.
 */
export function forecastGroupStatus(view: ForecastView, lang: Lang): VNode[] {
  const still = view.groups.filter((g) => g.status !== "on_road" || g.positionUnknown);
  if (still.length === 0) return [];
  const t = TEXT[lang];
  // The library's staleDays, never a number written into the text.
  const dissolved = t.dissolved.replace("{days}", String(view.staleDays));
  return [
    h("h3", { class: "forecast-status-title" }, t.statusTitle),
    h(
      "ul",
      { class: "forecast-status" },
      still.map((g) =>
        g.positionUnknown
          ? h(
              "li",
              { "data-group": g.group, "data-status": "position_unknown" },
              `${g.group}: ${positionUnknownText(
                {
                  positionUnknown: g.positionUnknown,
                  placedDate: g.placedDate ?? g.lastReport ?? view.asOfDate,
                  km: g.km ?? 0,
                  ...(g.place ? { placeName: g.place } : {}),
                  ...(g.placeOffsetKm !== undefined ? { placeOffsetKm: g.placeOffsetKm } : {}),
                },
                lang,
                g.place ? placeLabel(lang, { name: g.place, nameEs: g.placeEs }) : undefined,
              )}`,
            )
          : h(
              "li",
              { "data-group": g.group, "data-status": g.status },
              `${g.group}: ${g.status === "arrived" ? t.arrived : g.status === "accounted_for" ? t.accountedFor : dissolved} ${groupPlace(g, lang)} (${t.lastSeen} ${g.lastReport ? formatDate(lang, g.lastReport, false) : "–"})`,
            ),
      ),
    ),
  ];
}

/**
 * Where a group not moved on is: the place it arrived at, or where a dissolved group was last
 * placed in the library's words (`placedText`: "near X", "N km past X", "N km short of X"), the
 * same as `dtm-flow forecast` prints.
 */
export function groupPlace(g: Group, lang: Lang): string {
  if (!g.place) return g.km === undefined ? "–" : placedText({ km: g.km }, lang);
  const name = placeLabel(lang, { name: g.place, nameEs: g.placeEs });
  if (g.status === "arrived") return name;
  return placedText(
    { placeName: g.place, placeOffsetKm: g.placeOffsetKm, km: g.km ?? 0 },
    lang,
    name,
  );
}

/**
 * The cones (SVG `g`): for every group and day of the horizon, the route between the p10 and p90
 * km as a wide translucent stroke (the overlap of the days shades the cone), and dots at the p50
 * position 7 and 14 days ahead.
 * @param project lon/lat → screen x/y (the map's projection and zoom).
 * @param colourOf colour of a group.
 */
export function forecastCones(
  view: ForecastView,
  project: (lon: number, lat: number) => [number, number],
  colourOf: (group: string) => string,
): VNode {
  const path = (points: [number, number][]) =>
    points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
  return h(
    "g",
    { class: "forecast-cones", "pointer-events": "none" },
    view.cones.map((cone) => {
      const colour = colourOf(cone.group);
      const n = cone.days.length;
      return h(
        "g",
        { class: "cone", "data-group": cone.group },
        cone.days.map((d, i) =>
          h("path", {
            d: path(d.band.map(([lon, lat]) => project(lon, lat))),
            fill: "none",
            stroke: colour,
            "stroke-width": 7,
            "stroke-linecap": "round",
            "stroke-linejoin": "round",
            // Later days fade: the cone widens and its ink thins.
            "stroke-opacity": (0.14 * (1 - (0.7 * i) / Math.max(1, n))).toFixed(3),
            "data-date": d.date,
          }),
        ),
        cone.days
          .filter((_, i) => i === 7 || i === 14)
          .map((d, j) => {
            const [x, y] = project(d.at[0], d.at[1]);
            return h("circle", {
              cx: x.toFixed(1),
              cy: y.toFixed(1),
              r: 3.5,
              fill: "white",
              stroke: colour,
              "stroke-width": 2,
              "data-ahead": j === 0 ? 7 : 14,
            });
          }),
      );
    }),
  );
}
