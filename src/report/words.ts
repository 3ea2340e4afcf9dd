/**
 * The words of the situation update in English and Spanish: the one place the `report` command's
 * files (`renderMarkdown`, `renderHtml` with `lang`) and the viewer's situation panel
 * (viewer/i18n.ts) read them from, the ledger's warnings in Spanish (ledgerWarningText.ts)
 * included. Figures, place names and sources' text are shown as they came.
 */
import type { LeftOutOfFiles } from "./leftOut.ts";
import { EMBEDDED_2018_NAME, FILES_NAME_PREFIX } from "../embedded/name.ts";
import { categoryWords } from "../ledger/describe.ts";
import { measureWords } from "./measureWords.ts";
import type { SourceType } from "../model/source.ts";
import type { BeyondPlaceWords } from "../ledger/departedBasis.ts";
import type { Correction } from "../evidence/corrections.ts";

/** A language of the situation update: English or Spanish. */
export type SituationLang = "en" | "es";

/** The languages `report --lang` accepts. */
export const SITUATION_LANGS: readonly SituationLang[] = ["en", "es"];

/** Each category in words within a sentence, in Spanish ("personas que permanecen"). */
/** "1 row", "7 rows", "1,204 filas rechazadas": a count and its noun in the locale's digits. */
const plural = (n: number, one: string, many: string, locale: string): string =>
  `${n.toLocaleString(locale)} ${n === 1 ? one : many}`;

const CATEGORY_WORDS_ES: Readonly<Record<string, string>> = {
  departed: "personas que salieron",
  asylum_claim: "solicitudes de asilo",
  return: "retornos",
  remaining: "personas que permanecen",
  regularized: "personas regularizadas",
  onward: "personas que siguieron adelante",
  other: "otros desenlaces",
  in_transit: "personas en tránsito",
  unknown: "personas de paradero desconocido",
};

/** The planning figures of a scenario, as written in its summary's second line. */
export interface ScenarioPlanningWords {
  water: number;
  latrineFirst: number;
  latrineLater: number;
  latrineAfterDays: number;
  covered: number;
  kits: number;
}

/** One place's line of the scenario's summary: its figures already written. */
export interface ScenarioPlaceWords {
  name: string;
  /** First arrival p50/p10/p90 (undefined: beyond the horizon, or "–" for p10). */
  first50?: string;
  first10?: string;
  first90?: string;
  /** Share of runs (%) that reach the place, when not every run does. */
  reachedPct?: number;
  peak50: string;
  peak10: string;
  peak90: string;
  /** When the peak is (scenarioPeakOn or scenarioNobodyPresent). */
  when: string;
  /** The capacity clause (scenarioWithinCapacity, scenarioOverCapacity, or ""). */
  over: string;
}

/** The median run's totals on the last day, each already written (scenarioTotals). */
export interface ScenarioTotalsWords {
  date: string;
  run: number;
  departed: string;
  onRoad: string;
  present: string;
  travelling: string;
  claims: string;
  regularized: string;
  atDestination: string;
  returns: string;
  onward: string;
}

/** One analyst's correction in English words ("S050 rejected"). */
function correctionEn(c: Correction): string {
  switch (c.kind) {
    case "reject":
      return `${c.sightingId} rejected`;
    case "accept":
      return `${c.sightingId} accepted`;
    case "reassign":
      return `${c.sightingId} moved to "${c.group}"`;
    case "split":
      return `"${c.group}" split on ${c.date} into "${c.newGroup}"`;
    case "merge":
      return `"${c.group}" merged into "${c.into}"`;
    case "destination":
      return `"${c.group}" heads for ${[c.place, c.routeId && `route ${c.routeId}`].filter(Boolean).join(" on ")}`;
  }
}

/** One analyst's correction in Spanish words ("S050 rechazado"). */
function correctionEs(c: Correction): string {
  switch (c.kind) {
    case "reject":
      return `${c.sightingId} rechazado`;
    case "accept":
      return `${c.sightingId} aceptado`;
    case "reassign":
      return `${c.sightingId} pasado a "${c.group}"`;
    case "split":
      return `"${c.group}" dividido el ${c.date} en "${c.newGroup}"`;
    case "merge":
      return `"${c.group}" unido a "${c.into}"`;
    case "destination":
      return `"${c.group}" se dirige a ${[c.place, c.routeId && `la ruta ${c.routeId}`].filter(Boolean).join(" por ")}`;
  }
}

const en = {
  // Shared with the viewer's situation panel.
  /** A category (or `departed`) in words within a sentence; a code not known is shown as written. */
  inSentence: (c: string): string => categoryWords(c),
  situationTitle: "Situation update,",
  situationNone: "No ledger figures on this day.",
  situationHindsight:
    "With hindsight: the replay of all the data, so figures and reports published after this day are used. What was known on the day: dtm-flow report --as-of.",
  departed: "People who left",
  placesByStatus: "People at places, by status",
  dataQuality: "Data quality: warnings of the ledger",
  place: "Place",
  travelling: "travelling through",
  resting: "resting",
  waiting: "waiting (asylum claim)",
  staying: "staying",
  noPlace: "no place given",
  // The report's files.
  defaultTitle: "Situation update",
  asOf: "as of",
  data: "Data:",
  figuresArePeople: "Figures are people; ranges are 90 % intervals.",
  madeBy: "Made by dtm-flow.",
  outside: (date: string) => `No split on ${date}: the date is outside the data.`,
  headlineFigures: "Headline figures",
  people: "people",
  interval90: "90 % interval",
  where: "where",
  sourcesOfEach: "Sources of each figure",
  method: "Method:",
  noSourceFigure: "No source figure on or before this date.",
  presentPerPlace: "People present per place",
  placeLower: "place",
  onTheDate: "on the date",
  peakDate: "peak (date)",
  capacity: "capacity",
  notKnown: "not known",
  noCurrentFigure: "no current figure",
  notCountedSince: (date: string) => `not counted since ${date}`,
  /** A place whose last count, now aged out, was only an upper bound ("less than 1,000"). */
  countedUpTo: (date: string, people: string) => `counted ${date}: fewer than ${people}`,
  /** A place's figure that is only an upper bound ("less than 1,000" in the source). */
  fewerThan: (people: string) => `fewer than ${people}`,
  estimatedNotCounted: (people?: string) =>
    people === undefined ? " (estimated, not counted)" : ` (${people} estimated, not counted)`,
  countedOn: (date: string, latest?: string) =>
    latest === undefined ? ` (counted ${date})` : ` (counted ${date}–${latest})`,
  byStatusOnTheDate: "People at places on the date, by status",
  present: "present",
  presenceNote:
    "Present = resting + waiting + staying: the people a place shelters on the date. People travelling through with a group are counted in transit, not present.",
  countryNotKnown: "country not known",
  noPlaceGiven: "no place given",
  notPlaced: "not placed",
  more: (n: number) => `${n} more`,
  sourceNotNamed: "source not named",
  confidence: (c: string) => `${c} confidence`,
  stackHeading: "What became of the people who left",
  stackCaption: (from: string, to: string) =>
    `People who left, per day from ${from} to ${to}, split by category. The top of the stack is everyone who has left so far; “unknown” is people once counted whom no source places on the day.`,
  placesCaption:
    "People present at each place — remaining, waiting after an asylum claim, staying — every day to the date, 0 where no one is counted (line; shaded: 90 % interval) against the capacity of its shelters (dashed red) where a source gives one. Each panel has its own people axis.",
  againstReport: "Against the published situation report",
  figure: "figure",
  report: "report",
  ledger: "ledger",
  ledgersSources: "ledger's sources",
  notComparable: "not comparable",
  fits: "fits the wording",
  doesNotFit: "does not fit",
  dataQualityHeading: "Data quality",
  noProblems: "No contradictory or impossible figures were found.",
  /** Rows rejected and sheets not read in the input files (src/report/leftOut.ts). */
  leftOut: ({ rows, sheets }: LeftOutOfFiles): string =>
    `${[rows ? plural(rows, "row", "rows", "en-US") + " rejected" : "", sheets ? plural(sheets, "sheet", "sheets", "en-US") + " skipped" : ""].filter(Boolean).join(" and ")} in the input files: the figures leave them out (dtm-flow validate lists each with its line and reason).`,
  furthest: "Figures furthest from the reconciled value:",
  date: "date",
  category: "category",
  source: "source",
  methodDeparted: (fromTracks: string, accounted: string) =>
    `the largest of the groups' estimated peak sizes, northbound counts and departure totals (${fromTracks}), ` +
    `everyone accounted for on the day (${accounted}) ` +
    `and the people who had left by the day before (the total never falls)`,
  departedBeyond: (
    beyond: string,
    reachedOn: string,
    date: string,
    fromTracks: string,
    fromTracksSource: string,
    groups: string,
    groupFigures: string,
  ) =>
    `; the total was reached on ${reachedOn}; as of ${date}, ${fromTracks} rest on the tracked groups' sizes, counts and departure totals` +
    (fromTracksSource ? ` (largest: ${fromTracksSource})` : "") +
    `, ${beyond} only on stock figures (returns, claims, permits, people at places; one person may be in two)` +
    (groups !== "0"
      ? `, of which ${groups} counted at places beyond a tracked group's estimated size (over-counts or missed by the tracks): ${groupFigures}`
      : ""),
  /** A place's people beyond a group in the departed method line (`beyondFiguresText`). */
  beyondPlace: {
    lang: "en",
    counted: (place, people, sources, date) =>
      `${place} ${people} (${sources ? `${sources}, ` : ""}${date})`,
    ledgerValue: (place, people, date, countedOn, counts, nextCountOn, nextCounts) =>
      `${place} ${people} on ${date} (the ledger's value ` +
      (countedOn === date
        ? `from the counts of that day: ${counts})`
        : nextCountOn !== undefined
          ? `between the counts of ${countedOn}, ${counts}, and ${nextCountOn}${nextCounts ? `, ${nextCounts}` : ""})`
          : `held from the count of ${countedOn}, ${counts})`),
    countBy: (people, source) => `${people} by ${source}`,
    sourceNotNamed: "source not named",
    lessTakenIn: (parts) => `; less ${parts} (a silent group's people, not beyond any group)`,
    takenInPart: (people, group, place) => `${people} of ${group} taken in at ${place}`,
  } as BeyondPlaceWords,
  /** A departure total named in words: "people who transited Guatemala by 2018-11-30, UNICEF". */
  departureTotal: (measure: string, date: string, source: string) =>
    `${measureWords(measure, "en")} by ${date}${source ? `, ${source}` : ""}`,
  methodInTransit:
    "estimated sizes of the groups still on the move, less people counted at places they had reached; " +
    "a group that has arrived at its route's end is no longer in transit: its people no count holds yet are " +
    "remaining at the place there (at destination, not yet counted) until counts there take over",
  methodUnknown: "people who left, less everyone the sources place on the day",
  // Where the unknown people were last seen (src/state/unknownLastSeen.ts, unknownText.ts).
  lastSeenPrefix: "last seen:",
  lastSeenHeading: "Where they were last seen",
  lastSeenGroup: (
    name: string,
    people: string,
    from: string,
    to: string,
    low: string,
    high: string,
    on: string,
    report: string,
  ) =>
    `${people} of ${name}: last placed on the road between ${from} and ${to} (km ${low}–${high}) on ${on}${report ? `, not reported since ${report}` : ""}; most likely still on the way north or arrived at the border without being counted`,
  /**
   * People no longer in a border city's count (`on`: the last day they were in it), beside its
   * peak and its count of the day (`now` on `today`; undefined when not known); `arrived` when
   * more people left the count than the peak less the day's count (others came after the peak).
   */
  lastSeenBorder: (
    place: string,
    people: string,
    on: string,
    peak: string,
    peakOn: string,
    now?: string,
    today?: string,
    arrived?: boolean,
  ) =>
    `${people} no longer in ${place}'s count since ${on} (${peak} at its peak on ${peakOn}` +
    (now !== undefined && today !== undefined
      ? `, ${now === "0" ? "none" : now} counted on ${today}${arrived ? "; others arrived after the peak" : ""}`
      : "") +
    `); most likely crossed into the United States, moved on to other cities or returned without being counted`,
  lastSeenPlace: (place: string, people: string, on: string) =>
    `${people} no longer counted at ${place} after ${on}; most likely moved on north with the groups`,
  lastSeenCounted: (what: string, people: string, on: string) =>
    `${people} once counted as ${what}, no longer after ${on}`,
  lastSeenUnplaced: (people: string) =>
    `${people} counted as having left (departure totals, the groups' largest sizes) whom no source ever placed; one person may be in two figures`,
  /**
   * The analysts' corrections the figures were made with (`report --corrections`), in one
   * sentence: the file's name and each correction's effect, in order.
   */
  correctionsLine: (file: string, list: readonly Correction[]): string =>
    `Figures of the estimate with ${list.length === 1 ? "1 analyst's correction" : `${list.length} analysts' corrections`} (${file}): ` +
    list.map(correctionEn).join("; ") +
    ".",
  asOfBasis:
    "Built from what was known by the end of the date: no figure or report published later is used; " +
    "a cumulative figure (claims, returns) is the sources' figures up to the date, reconciled by source weight, and " +
    "the groups are estimated from the reports up to the date.",
  hindsightBasis:
    "Estimated with hindsight: figures and reports published after the date are used (a cumulative " +
    "figure is interpolated between published figures and pooled when sources disagree; the groups " +
    "are placed using later reports), so a figure may differ from every source listed.",
  /**
   * The dataset's name: the embedded dataset's (also within a longer name, "… + my.csv") in the
   * language, a user's files' as given. The viewer reads it too (viewer/i18n.ts `datasetName`).
   */
  datasetName: (name: string): string => name,
  /** A source's kind (`sourceType` code) in words. */
  sourceTypes: {
    dtm: "DTM",
    un: "UN",
    government: "government",
    ngo: "NGO",
    media: "media",
    organiser: "organiser",
    social_media: "social media",
    other: "other",
  } as Readonly<Record<SourceType, string>>,
  // The charts of the HTML.
  splitChartTitle: "People who left, by what became of them, per day",
  stackedBottomToTop: "Stacked areas, bottom to top:",
  noSplitForDates: "No split for these dates.",
  placesChartTitle: "People present per place against shelter capacity",
  noPlaceFigures: "No place has people-present figures.",
  capacityNotKnown: "capacity not known",
  // The forecast command's lines (cli/forecast-summary.ts) and forecast.json's method.
  forecastHeading: (asOf: string, time: string, tz: string, horizon: number, runs: number) =>
    `Forecast as of ${asOf} ${time} (${tz}), horizon ${horizon} days, ${runs} runs; dates are local, "median person" when most need beds, "first people" when shelters must open:`,
  beyondHorizon: "beyond the horizon",
  /** An arrival dated on or before the as-of day (`arrivedByNow`): already over, not a prediction. */
  byNow: "by now",
  afterHorizon: "after the horizon",
  by: (date: string) => `by ${date}`,
  firstPeopleThere: "first people already there",
  firstPeople: "first people",
  medianPerson: "median person",
  peopleCount: (n: string) => `${n} people`,
  withinHorizon: (pct: number) => `${pct} % within the horizon`,
  mostPast: (last: string) => `most already past (the last may arrive ${last})`,
  noPositionReport: (trackEnd: string) => `no position report; track to ${trackEnd}`,
  lastReport: (last: string) => `last position report ${last}`,
  trackTo: (trackEnd: string) => `track to ${trackEnd}`,
  arrivedAtEnd: (where: string, seen: string) =>
    `arrived at the end of its route, ${where} (${seen}); not moved on.`,
  atKm: (km: string) => `km ${km}`,
  dissolvedLine: (days: number, where: string, seen: string) =>
    `dissolved, no report for more than ${days} days; last placed ${where} (${seen}); not moved on.`,
  accountedForLine: (where: string, seen: string) =>
    `accounted for, all its people counted at places; last placed ${where} (${seen}); not moved on.`,
  // The estimated position on the state's day, then the last report: "last placed" read as the
  // report's place on one day and as a moved-on track position on another.
  onTheRoad: (where: string, on: string, seen: string) =>
    `on the road, estimated ${where}${on ? ` on ${on}` : ""} (${seen}).`,
  noPlaceAhead: "no place ahead on its route (see the warnings in forecast.json).",
  positionUnknownLine: (days: number, low: string, high: string, where: string, on: string) =>
    `on the road, no report for ${days} days; position unknown (km ${low}–${high}); last placed ${where} on ${on}.`,
  noPlaceNamed: (width: string) =>
    `no place named: its 90 % interval spans more than ${width} km of its route (its runs are in forecast.csv).`,
  forecastMethod: (staleDays: number) =>
    `the state as of the as-of moment: groups at their route's end are arrived, groups the ledger counts wholly at places are accounted for, groups with no report (position, count or stay) for more than ${staleDays} days are dissolved (not moved on); each group on the road starts from its state on the as-of day (the held track point of that day when its track ends before it, as tracks.csv of estimate --as-of gives it; riding when its two latest reports are a ride apart), moved on by Monte Carlo runs of the rest/walk/ride regime model (shares fitted on all groups' data so far) with attrition fitted on the size tracks so far; the head (first people) moves in the same runs as the median person with the same day's draws, from its own last position (riding when its track's last daily move was a ride), and is never behind the median person in any run; quantiles over runs; no arrival is dated before the as-of moment`,
  // The scenario command's lines (cli/commands/scenario.ts) and scenario-report.json's note.
  scenarioHeading: (name: string, runs: string, seed: number, start: string, horizon: number) =>
    `${name}: ${runs} runs, seed ${seed}, ${start} + ${horizon} days.`,
  scenarioPlanning: (f: ScenarioPlanningWords) =>
    `Planning figures: ${f.water} L water/person/day, 1 latrine per ${f.latrineFirst} (then per ${f.latrineLater} after ${f.latrineAfterDays} days), ${f.covered} m² covered/person, ${f.kits} hygiene kit/person/month.`,
  scenarioWithinCapacity: (capacity: string) => `; within its capacity of ${capacity} in every run`,
  // Each day's median and p90 over the runs, named so: not the runs' peaks.
  scenarioOverCapacity: (
    capacity: string,
    share: number,
    p50Days: number,
    p90Days: number,
    from?: string,
  ) =>
    `; over its capacity of ${capacity} in ${share} % of runs (each day's median over the runs is over it on ${p50Days} ${p50Days === 1 ? "day" : "days"}, each day's p90 on ${p90Days}${from ? ` from ${from}` : ""})`,
  scenarioNobodyPresent: "nobody present in any run",
  scenarioPeakOn: (p50: string, p10: string, p90: string, anyonePct?: number) =>
    `on ${p50} (p10 ${p10}, p90 ${p90}${anyonePct === undefined ? "" : `; anyone present in ${anyonePct} % of runs`})`,
  /** A place whose median run's peak is 0 (`firstArrivalShown`): no arrival date given. */
  scenarioNoneInMedianRun: "none in the median run",
  scenarioPlaceLine: (p: ScenarioPlaceWords) =>
    `${p.name}: first arrival ${p.first50 ?? "beyond the horizon"} (p10 ${p.first10 ?? "–"}, p90 ${p.first90 ?? "beyond the horizon"}${p.reachedPct === undefined ? "" : `; reached in ${p.reachedPct} % of runs`}); each run's peak: median ${p.peak50} present (p10 ${p.peak10}, p90 ${p.peak90}) ${p.when}${p.over}`,
  scenarioReady: (p90: string, water: string, latrines: string, covered: string, kits: string) =>
    `ready for the p90 peak of ${p90} people: ${water} m³ water/day, ${latrines} latrines, ${covered} m² covered space, ${kits} hygiene kits/month`,
  scenarioTotals: (t: ScenarioTotalsWords) =>
    `By ${t.date} (median run ${t.run}, adds up): ${t.departed} departed = ${t.onRoad} on the road + ${t.present} present at places (${t.travelling} travelling through, ${t.claims} asylum claimants waiting, ${t.regularized} regularised staying, ${t.atDestination} at their destination) + ${t.returns} returned + ${t.onward} onward.`,
  scenarioTotalsNote:
    "totals: independent p10/p50/p90 of each quantity (they need not add up); medianRun: one run whose totals add up",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  /** The headline labels of the split categories. */
  categories: {
    departed: "People who left",
    asylum_claim: "Asylum claims",
    return: "Returned",
    remaining: "Remaining at places",
    regularized: "Regularised (humanitarian visas)",
    onward: "Moved onward",
    other: "Other",
    in_transit: "In transit",
    unknown: "Unknown",
  } as Readonly<Record<string, string>>,
  /** The short labels of the split categories in the chart legend. */
  shortCategories: {
    departed: "People who left",
    asylum_claim: "Asylum claims",
    return: "Returned",
    remaining: "Remaining",
    regularized: "Regularised",
    onward: "Moved onward",
    other: "Other",
    in_transit: "In transit",
    unknown: "Unknown",
  } as Readonly<Record<string, string>>,
};

/** The words of the situation update, one language. */
export type SituationWords = typeof en;

const es: SituationWords = {
  inSentence: (c: string): string => CATEGORY_WORDS_ES[c] ?? c,
  situationTitle: "Actualización de la situación,",
  situationNone: "No hay cifras del balance este día.",
  situationHindsight:
    "En retrospectiva: la reconstrucción con todos los datos, que usa cifras e informes publicados después de este día. Lo que se sabía ese día: dtm-flow report --as-of.",
  departed: "Personas que salieron",
  placesByStatus: "Personas en cada lugar, por situación",
  dataQuality: "Calidad de los datos: advertencias del balance",
  place: "Lugar",
  travelling: "de paso",
  resting: "en descanso",
  waiting: "esperando (solicitud de asilo)",
  staying: "se quedan",
  noPlace: "sin lugar",
  defaultTitle: "Actualización de la situación",
  asOf: "al",
  data: "Datos:",
  figuresArePeople: "Las cifras son personas; los rangos son intervalos del 90 %.",
  madeBy: "Hecho con dtm-flow.",
  outside: (date: string) => `No hay balance el ${date}: la fecha está fuera de los datos.`,
  headlineFigures: "Cifras principales",
  people: "personas",
  interval90: "intervalo del 90 %",
  where: "dónde",
  sourcesOfEach: "Fuentes de cada cifra",
  method: "Método:",
  noSourceFigure: "Ninguna cifra de las fuentes en esta fecha o antes.",
  presentPerPlace: "Personas presentes en cada lugar",
  placeLower: "lugar",
  onTheDate: "en la fecha",
  peakDate: "máximo (fecha)",
  capacity: "capacidad",
  notKnown: "no se sabe",
  noCurrentFigure: "sin cifra actual",
  notCountedSince: (date: string) => `sin conteo desde el ${date}`,
  countedUpTo: (date: string, people: string) => `contado el ${date}: menos de ${people}`,
  fewerThan: (people: string) => `menos de ${people}`,
  estimatedNotCounted: (people?: string) =>
    people === undefined ? " (estimadas, no contadas)" : ` (${people} estimadas, no contadas)`,
  countedOn: (date: string, latest?: string) =>
    latest === undefined ? ` (contado el ${date})` : ` (contado del ${date} al ${latest})`,
  byStatusOnTheDate: "Personas en cada lugar en la fecha, por situación",
  present: "presentes",
  presenceNote:
    "Presentes = en descanso + esperando + se quedan: las personas que un lugar alberga en la fecha. Las personas de paso con un grupo se cuentan en tránsito, no como presentes.",
  countryNotKnown: "país desconocido",
  noPlaceGiven: "sin lugar",
  notPlaced: "sin ubicar",
  more: (n: number) => `${n} más`,
  sourceNotNamed: "fuente sin nombre",
  confidence: (c: string) =>
    `confianza ${c === "high" ? "alta" : c === "medium" ? "media" : c === "low" ? "baja" : c}`,
  stackHeading: "Qué fue de las personas que salieron",
  stackCaption: (from: string, to: string) =>
    `Personas que salieron, por día del ${from} al ${to}, por categoría. Lo alto de la pila es toda la gente que ha salido hasta ese día; «desconocido» son personas contadas alguna vez que ninguna fuente ubica ese día.`,
  placesCaption:
    "Personas presentes en cada lugar —que permanecen, esperan tras una solicitud de asilo o se quedan— cada día hasta la fecha, 0 donde no se cuenta a nadie (línea; sombreado: intervalo del 90 %), frente a la capacidad de sus albergues (rojo discontinuo) donde una fuente la da. Cada panel tiene su propia escala de personas.",
  againstReport: "Frente al informe de situación publicado",
  figure: "cifra",
  report: "informe",
  ledger: "balance",
  ledgersSources: "fuentes del balance",
  notComparable: "no comparable",
  fits: "concuerda con lo escrito",
  doesNotFit: "no concuerda",
  dataQualityHeading: "Calidad de los datos",
  noProblems: "No se encontraron cifras contradictorias ni imposibles.",
  leftOut: ({ rows, sheets }: LeftOutOfFiles): string =>
    `${[rows ? plural(rows, "fila rechazada", "filas rechazadas", "es-MX") : "", sheets ? plural(sheets, "hoja omitida", "hojas omitidas", "es-MX") : ""].filter(Boolean).join(" y ")} en los archivos de entrada: las cifras las dejan fuera (dtm-flow validate las lista con su línea y motivo).`,
  furthest: "Cifras más alejadas del valor conciliado:",
  date: "fecha",
  category: "categoría",
  source: "fuente",
  methodDeparted: (fromTracks: string, accounted: string) =>
    `el mayor de los tamaños máximos estimados de los grupos, los conteos hacia el norte y los totales de salidas (${fromTracks}), ` +
    `todas las personas ubicadas ese día (${accounted}) ` +
    `y las personas que habían salido hasta el día anterior (el total nunca baja)`,
  departedBeyond: (
    beyond: string,
    reachedOn: string,
    date: string,
    fromTracks: string,
    fromTracksSource: string,
    groups: string,
    groupFigures: string,
  ) =>
    `; el total se alcanzó el ${reachedOn}; al ${date}, ${fromTracks} se basan en los tamaños de los grupos seguidos, los conteos y los totales de salidas` +
    (fromTracksSource ? ` (el mayor: ${fromTracksSource})` : "") +
    `, ${beyond} solo en cifras de stock (retornos, solicitudes, permisos, personas en lugares; una persona puede estar en dos)` +
    (groups !== "0"
      ? `, de ellas ${groups} contadas en lugares por encima del tamaño estimado de un grupo seguido (sobreconteos o no vistas por los recorridos): ${groupFigures}`
      : ""),
  beyondPlace: {
    lang: "es",
    counted: (place, people, sources, date) =>
      `${place} ${people} (${sources ? `${sources}, ` : ""}${date})`,
    ledgerValue: (place, people, date, countedOn, counts, nextCountOn, nextCounts) =>
      `${place} ${people} el ${date} (valor del balance ` +
      (countedOn === date
        ? `a partir de los conteos de ese día: ${counts})`
        : nextCountOn !== undefined
          ? `entre los conteos del ${countedOn}, ${counts}, y del ${nextCountOn}${nextCounts ? `, ${nextCounts}` : ""})`
          : `mantenido desde el conteo del ${countedOn}, ${counts})`),
    countBy: (people, source) => `${people} según ${source}`,
    sourceNotNamed: "fuente sin nombre",
    lessTakenIn: (parts) =>
      `; menos ${parts} (personas de un grupo sin noticias, no por encima de ningún grupo)`,
    takenInPart: (people, group, place) =>
      `${people} de ${group} recibidas por el conteo de ${place}`,
  },
  departureTotal: (measure: string, date: string, source: string) =>
    `${measureWords(measure, "es")} hasta el ${date}${source ? `, ${source}` : ""}`,
  methodInTransit:
    "tamaños estimados de los grupos aún en movimiento, menos las personas contadas en los lugares a los que habían llegado; " +
    "un grupo que ha llegado al final de su ruta ya no está en tránsito: sus personas que ningún conteo recoge aún " +
    "permanecen en el lugar de llegada (en destino, aún sin contar) hasta que los conteos de allí las recogen",
  methodUnknown: "personas que salieron, menos todas las que las fuentes ubican ese día",
  lastSeenPrefix: "vistas por última vez:",
  lastSeenHeading: "Dónde se vieron por última vez",
  lastSeenGroup: (
    name: string,
    people: string,
    from: string,
    to: string,
    low: string,
    high: string,
    on: string,
    report: string,
  ) =>
    `${people} de ${name}: ubicadas por última vez en camino entre ${from} y ${to} (km ${low}–${high}) el ${on}${report ? `, sin reportes desde el ${report}` : ""}; lo más probable es que sigan rumbo al norte o hayan llegado a la frontera sin ser contadas`,
  lastSeenBorder: (
    place: string,
    people: string,
    on: string,
    peak: string,
    peakOn: string,
    now?: string,
    today?: string,
    arrived?: boolean,
  ) =>
    `${people} ya no están en el conteo de ${place} desde el ${on} (${peak} en su máximo, el ${peakOn}` +
    (now !== undefined && today !== undefined
      ? `; ${now === "0" ? "ninguna contada" : `${now} contadas`} el ${today}${arrived ? "; otras llegaron después del máximo" : ""}`
      : "") +
    `); lo más probable es que hayan cruzado a Estados Unidos, seguido a otras ciudades o retornado sin ser contadas`,
  lastSeenPlace: (place: string, people: string, on: string) =>
    `${people} ya no contadas en ${place} después del ${on}; lo más probable es que hayan seguido al norte con los grupos`,
  lastSeenCounted: (what: string, people: string, on: string) =>
    `${people} contadas antes como ${what}, ya no después del ${on}`,
  lastSeenUnplaced: (people: string) =>
    `${people} contadas como salidas (totales de salida, los mayores tamaños de los grupos) a quienes ninguna fuente ubicó nunca; una persona puede estar en dos cifras`,
  correctionsLine: (file: string, list: readonly Correction[]): string =>
    `Cifras de la estimación con ${list.length === 1 ? "1 corrección de analista" : `${list.length} correcciones de analistas`} (${file}): ` +
    list.map(correctionEs).join("; ") +
    ".",
  asOfBasis:
    "Hecho con lo que se sabía al final de la fecha: no se usa ninguna cifra ni informe publicado después; " +
    "una cifra acumulada (solicitudes, retornos) es la de las cifras de las fuentes hasta la fecha, conciliadas según el peso de cada fuente, y " +
    "los grupos se estiman con los informes hasta la fecha.",
  hindsightBasis:
    "Estimado en retrospectiva: se usan cifras e informes publicados después de la fecha (una cifra " +
    "acumulada se interpola entre cifras publicadas y se combina cuando las fuentes discrepan; los grupos " +
    "se ubican con informes posteriores), así que una cifra puede diferir de todas las fuentes listadas.",
  datasetName: (name: string): string =>
    (name.startsWith(FILES_NAME_PREFIX)
      ? `Archivos: ${name.slice(FILES_NAME_PREFIX.length)}`
      : name
    )
      .split(EMBEDDED_2018_NAME)
      .join("Caravanas oct.–dic. 2018 (integradas)"),
  sourceTypes: {
    dtm: "DTM",
    un: "ONU",
    government: "gobierno",
    ngo: "ONG",
    media: "medios",
    organiser: "organizadores",
    social_media: "redes sociales",
    other: "otra",
  },
  splitChartTitle: "Personas que salieron, por lo que fue de ellas, por día",
  stackedBottomToTop: "Áreas apiladas, de abajo arriba:",
  noSplitForDates: "No hay balance para estas fechas.",
  placesChartTitle: "Personas presentes en cada lugar frente a la capacidad de los albergues",
  noPlaceFigures: "Ningún lugar tiene cifras de personas presentes.",
  capacityNotKnown: "capacidad desconocida",
  forecastHeading: (asOf: string, time: string, tz: string, horizon: number, runs: number) =>
    `Pronóstico al ${asOf} ${time} (${tz}), horizonte de ${horizon} días, ${runs} corridas; fechas locales, «persona mediana» cuando la mayoría necesita camas, «primeras personas» cuando los albergues deben abrir:`,
  beyondHorizon: "más allá del horizonte",
  byNow: "ya a la fecha",
  afterHorizon: "después del horizonte",
  by: (date: string) => `hasta el ${date}`,
  firstPeopleThere: "las primeras personas ya están allí",
  firstPeople: "primeras personas",
  medianPerson: "persona mediana",
  peopleCount: (n: string) => `${n} personas`,
  withinHorizon: (pct: number) => `${pct} % dentro del horizonte`,
  mostPast: (last: string) => `la mayoría ya pasó (las últimas pueden llegar ${last})`,
  noPositionReport: (trackEnd: string) => `sin reporte de posición; recorrido hasta el ${trackEnd}`,
  lastReport: (last: string) => `último reporte de posición ${last}`,
  trackTo: (trackEnd: string) => `recorrido hasta el ${trackEnd}`,
  arrivedAtEnd: (where: string, seen: string) =>
    `llegó al final de su ruta, ${where} (${seen}); no se mueve más.`,
  atKm: (km: string) => `km ${km}`,
  dissolvedLine: (days: number, where: string, seen: string) =>
    `disuelto, sin reportes desde hace más de ${days} días; última ubicación ${where} (${seen}); no se mueve más.`,
  accountedForLine: (where: string, seen: string) =>
    `contabilizado, todas sus personas contadas en lugares; última ubicación ${where} (${seen}); no se mueve más.`,
  onTheRoad: (where: string, on: string, seen: string) =>
    `en camino, posición estimada ${where}${on ? ` el ${on}` : ""} (${seen}).`,
  noPlaceAhead: "ningún lugar por delante en su ruta (ver las advertencias en forecast.json).",
  positionUnknownLine: (days: number, low: string, high: string, where: string, on: string) =>
    `en camino, sin reporte desde hace ${days} días; posición desconocida (km ${low}–${high}); última ubicación ${where} el ${on}.`,
  noPlaceNamed: (width: string) =>
    `ningún lugar nombrado: su intervalo del 90 % abarca más de ${width} km de su ruta (sus corridas están en forecast.csv).`,
  forecastMethod: (staleDays: number) =>
    `el estado en el momento de la fecha de corte: los grupos al final de su ruta han llegado, los grupos sin reporte (posición, conteo o estancia) desde hace más de ${staleDays} días se dan por disueltos (no se mueven); cada grupo en camino parte de su estado el día de corte (el punto retenido de su recorrido ese día cuando su recorrido termina antes, como lo da tracks.csv de estimate --as-of; en vehículo cuando sus dos últimos reportes están a un viaje de distancia) y avanza en corridas de Monte Carlo del modelo de regímenes descanso/caminata/vehículo (proporciones ajustadas con los datos de todos los grupos hasta ese día), con el desgaste ajustado con los recorridos de tamaño hasta ese día; la cabeza (primeras personas) avanza en las mismas corridas que la persona mediana con los mismos sorteos del día, desde su propia última posición, y nunca va detrás de la persona mediana en ninguna corrida; cuantiles sobre las corridas; ninguna llegada se fecha antes del momento de corte`,
  scenarioHeading: (name: string, runs: string, seed: number, start: string, horizon: number) =>
    `${name}: ${runs} corridas, semilla ${seed}, ${start} + ${horizon} días.`,
  scenarioPlanning: (f: ScenarioPlanningWords) =>
    `Cifras de planificación: ${f.water} L de agua/persona/día, 1 letrina por ${f.latrineFirst} personas (luego por ${f.latrineLater} tras ${f.latrineAfterDays} días), ${f.covered} m² cubiertos/persona, ${f.kits} kit de higiene/persona/mes.`,
  scenarioWithinCapacity: (capacity: string) =>
    `; dentro de su capacidad de ${capacity} en todas las corridas`,
  scenarioOverCapacity: (
    capacity: string,
    share: number,
    p50Days: number,
    p90Days: number,
    from?: string,
  ) =>
    `; sobre su capacidad de ${capacity} en el ${share} % de las corridas (la mediana de cada día sobre las corridas la supera en ${p50Days} ${p50Days === 1 ? "día" : "días"}, el p90 de cada día en ${p90Days}${from ? ` desde el ${from}` : ""})`,
  scenarioNobodyPresent: "nadie presente en ninguna corrida",
  scenarioPeakOn: (p50: string, p10: string, p90: string, anyonePct?: number) =>
    `el ${p50} (p10 ${p10}, p90 ${p90}${anyonePct === undefined ? "" : `; alguien presente en el ${anyonePct} % de las corridas`})`,
  scenarioNoneInMedianRun: "ninguna en la corrida mediana",
  scenarioPlaceLine: (p: ScenarioPlaceWords) =>
    `${p.name}: primera llegada ${p.first50 ?? "más allá del horizonte"} (p10 ${p.first10 ?? "–"}, p90 ${p.first90 ?? "más allá del horizonte"}${p.reachedPct === undefined ? "" : `; alcanzado en el ${p.reachedPct} % de las corridas`}); pico de cada corrida: mediana de ${p.peak50} presentes (p10 ${p.peak10}, p90 ${p.peak90}) ${p.when}${p.over}`,
  scenarioReady: (p90: string, water: string, latrines: string, covered: string, kits: string) =>
    `para el pico p90 de ${p90} personas hace falta: ${water} m³ de agua/día, ${latrines} letrinas, ${covered} m² de espacio cubierto, ${kits} kits de higiene/mes`,
  scenarioTotals: (t: ScenarioTotalsWords) =>
    `Al ${t.date} (corrida mediana ${t.run}, cuadra): ${t.departed} salieron = ${t.onRoad} en camino + ${t.present} presentes en lugares (${t.travelling} de paso, ${t.claims} solicitantes de asilo en espera, ${t.regularized} regularizados que se quedan, ${t.atDestination} en su destino) + ${t.returns} retornaron + ${t.onward} siguieron adelante.`,
  scenarioTotalsNote:
    "totals: p10/p50/p90 independientes de cada cantidad (no tienen por qué sumar); medianRun: una corrida cuyos totales suman",
  months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
  categories: {
    departed: "Personas que salieron",
    asylum_claim: "Solicitudes de asilo",
    return: "Retornos",
    remaining: "Permanecen en lugares",
    regularized: "Regularizados (visas humanitarias)",
    onward: "Siguieron adelante",
    other: "Otros",
    in_transit: "En tránsito",
    unknown: "Desconocido",
  },
  shortCategories: {
    departed: "Personas que salieron",
    asylum_claim: "Solicitudes de asilo",
    return: "Retornos",
    remaining: "Permanecen",
    regularized: "Regularizados",
    onward: "Siguieron adelante",
    other: "Otros",
    in_transit: "En tránsito",
    unknown: "Desconocido",
  },
};

/**
 * The words of the situation update in `lang`.
 * @example
 * situationWords("es").headlineFigures; // => "Cifras principales"
 */
export function situationWords(lang: SituationLang = "en"): SituationWords {
  return lang === "es" ? es : en;
}
