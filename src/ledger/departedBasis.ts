/**
 * What the people who left by a day rest on (the ledger's headline, report.json `departedBasis`,
 * the situation update's method line): the tracked groups, counts and departure totals; the stock
 * figures beyond them; and, of those, the people counted at places beyond a group's estimated size,
 * with the figures and their sources. Each part is named by the figures it comes from; no part is
 * relabelled as people of another origin or as people who did not leave with the caravans.
 */
import type { AggregateFigure } from "../model/aggregate.ts";
import type { StockFigure } from "../model/stock.ts";
import type { IsoDate, People } from "../model/units.ts";
import { formatPeople } from "./describe.ts";
import { isDepartureMeasure } from "./departures.ts";
import type { BeyondGroup, BeyondGroupTakenIn } from "./groupFigures.ts";

/** The departure total that gives `fromTracks` (when one does): its day, measure and source. */
export interface DepartureTotalFigure {
  date: IsoDate;
  measure: string;
  value: People;
  sourceOrg?: string;
}

/** What the people who left by a day rest on. */
export interface DepartedBasis {
  /** The day the parts are of (the `date` asked for, or the last row before it). */
  date: IsoDate;
  /** People who left by the day. */
  value: People;
  /** The largest of the tracked groups' summed peak sizes, the northbound counts and the departure totals. */
  fromTracks: People;
  /** The departure total `fromTracks` equals, when it is one (2018: UNICEF's 16,000 who transited Guatemala). */
  fromTracksFigure?: DepartureTotalFigure;
  /** The rest, `value − fromTracks`: people only stock figures show (returns, claims, people at places). */
  beyondTracks: People;
  /** The day the total was reached (it holds after). */
  reachedOn: IsoDate;
  /**
   * Of `beyondTracks`, people counted at places beyond the estimated size of the tracked group the
   * figures attribute them to, which the total still holds (the day's carried `beyond_groups`):
   * over-counts or people the tracks missed; the figures cannot tell which.
   */
  beyondGroups: People;
  /** The figures behind `beyondGroups`: each group's places, people and stock rows on the day they were set. */
  beyondGroupsFigures: readonly BeyondGroup[];
  /**
   * The people of silent groups taken in at those places on that day, which `beyondGroups`
   * leaves out: the figures less the groups' sizes, less these, give `beyondGroups`.
   */
  beyondGroupsTakenIn: readonly BeyondGroupTakenIn[];
}

/** What {@link departedBasis} names the figures from (all optional). */
export interface DepartedBasisContext {
  /** The ledger's `beyondGroupsFigures` (the days `beyond_groups` was set, with their figures). */
  beyondGroupsFigures?: readonly BeyondGroup[];
  /** The ledger's `beyondGroupsTakenIn` (silent groups' people taken off on those days). */
  beyondGroupsTakenIn?: readonly BeyondGroupTakenIn[];
  /** The dataset's aggregates (to name the departure total behind `fromTracks`). */
  aggregates?: readonly AggregateFigure[];
  /** The departure measures the ledger read (its `departureMeasures`; default by prefix). */
  departureMeasures?: readonly string[];
}

/**
 * How much of the people who left by `date` rests on figures beyond the tracked groups: the
 * departed row of the day against its `fromTracks`, and the people counted at places beyond their
 * group's size that the total still holds (the row's `beyondGroups`, carried like the total, so it
 * does not change with the date while the total holds), with the figures that set it.
 * @param departed the ledger's departed rows (by date).
 * @returns undefined when no row is on or before `date`.
 * @example
 * departedBasis(ledger.departed, "2018-12-15", { beyondGroupsFigures: ledger.beyondGroupsFigures });
 * // 2018 => { date: "2018-12-15", value: 29915, fromTracks: 16000, beyondTracks: 13915, reachedOn: "2018-11-20", beyondGroups: 3805, … }
 */
export function departedBasis(
  departed: readonly { date: IsoDate; value: People; fromTracks: People; beyondGroups?: People }[],
  date: IsoDate,
  context: DepartedBasisContext = {},
): DepartedBasis | undefined {
  const upTo = departed.filter((d) => d.date <= date);
  const day = upTo.at(-1);
  if (!day) return undefined;
  const reached = upTo.find((d) => d.value === day.value) ?? day;
  const beyondGroups = Math.min(Math.max(0, day.value - day.fromTracks), day.beyondGroups ?? 0);
  const figures = context.beyondGroupsFigures ?? [];
  const setOn = figures.filter((f) => f.date <= date).at(-1)?.date;
  const total = departureTotalOn(context, date);
  return {
    date: day.date,
    value: day.value,
    fromTracks: day.fromTracks,
    ...(total && total.value === day.fromTracks ? { fromTracksFigure: total } : {}),
    beyondTracks: Math.max(0, day.value - day.fromTracks),
    reachedOn: reached.date,
    beyondGroups,
    beyondGroupsFigures: beyondGroups > 0 ? figures.filter((f) => f.date === setOn) : [],
    beyondGroupsTakenIn:
      beyondGroups > 0 ? (context.beyondGroupsTakenIn ?? []).filter((t) => t.date === setOn) : [],
  };
}

/** The largest cumulative departure total known on `date` (the one `departureFloor` reads). */
function departureTotalOn(
  context: DepartedBasisContext,
  date: IsoDate,
): DepartureTotalFigure | undefined {
  let best: DepartureTotalFigure | undefined;
  for (const a of context.aggregates ?? []) {
    const value = a.value ?? a.valueMin;
    if (a.basis !== "cumulative" || a.date > date || typeof value !== "number") continue;
    if (!isDepartureMeasure(a.measure, context.departureMeasures)) continue;
    if (best && best.value >= value) continue;
    best = {
      date: a.date,
      measure: a.measure,
      value,
      ...(a.sourceOrg ? { sourceOrg: a.sourceOrg } : {}),
    };
  }
  return best;
}

/**
 * How a place's people beyond a group are said, in one language (the situation words'
 * `beyondPlace`, src/report/words.ts). A number quoted with a source is that source's figure
 * with its date; any other value is the ledger's own value on its day, said as such (before,
 * "Mexicali 3,093 (Baja California state)" credited the ledger's value between two counts to a
 * source that said 3,224 the day before).
 */
export interface BeyondPlaceWords {
  lang: "en" | "es";
  /** The source's own figure of the day: "Tijuana 6,200 (US DHS Secretary Nielsen, 2018-11-20)". */
  counted: (place: string, people: string, sources: string, date: IsoDate) => string;
  /**
   * The ledger's value on `date`, read from the counts of `countedOn` (`counts`: "3,224 by …"):
   * between them and the next count (`nextCountOn`), held after them (no next), or pooled from
   * several figures of the day itself (`countedOn === date`).
   */
  ledgerValue: (
    place: string,
    people: string,
    date: IsoDate,
    countedOn: IsoDate,
    counts: string,
    nextCountOn?: IsoDate,
    nextCounts?: string,
  ) => string;
  /** One count behind a ledger value: "3,224 by Baja California state (Gustavo Magallanes)". */
  countBy: (people: string, source: string) => string;
  sourceNotNamed: string;
  /**
   * The people of silent groups taken in there, taken off the rest: "; less 766 of Salvadoran
   * caravan 1 taken in at Tijuana (a silent group's people, not beyond any group)" (`parts`:
   * the `takenInPart`s, joined).
   */
  lessTakenIn: (parts: string) => string;
  /** One silent group's part of `lessTakenIn`: "766 of Salvadoran caravan 1 taken in at Tijuana". */
  takenInPart: (people: string, group: string, place: string) => string;
}

/**
 * The figures behind `beyondGroups` in `say`'s language: "Honduran caravan 1 (5,488, 3,545–8,684):
 * Mexicali 3,093 on 2018-11-20 (the ledger's value between the counts of 2018-11-19, 3,224 by
 * Baja California state (Gustavo Magallanes), and 2018-12-06, 1,000 by …), Tijuana 6,200 (US DHS Secretary
 * Nielsen, 2018-11-20)". A place's value is credited to a source only when it is that source's
 * figure of the day (one stock row of `date` with that value); otherwise it is the ledger's value,
 * with the counts it is read from, their sources and days.
 * @param stocks the dataset's stock figures (the rows index them).
 * @param say the words of one language (`situationWords(lang).beyondPlace`).
 * @param takenIn the silent groups' people taken in at those places (`beyondGroupsTakenIn`),
 *   said last, so that the places less the groups' sizes less these give the part's figure.
 */
export function beyondFiguresText(
  figures: readonly BeyondGroup[],
  stocks: readonly StockFigure[],
  say: BeyondPlaceWords,
  takenIn: readonly BeyondGroupTakenIn[] = [],
): string {
  const people = (n: number) => formatPeople(n, say.lang);
  const groups = figures
    .map((f) => {
      const places = f.places.map((p) => {
        const rows = p.rows.map((r) => stocks[r]).filter((s): s is StockFigure => !!s);
        const orgs = [...new Set(rows.map((s) => s.sourceOrg ?? say.sourceNotNamed))];
        const countedOn = p.countedOn ?? rows[0]?.date.slice(0, 10);
        const own =
          countedOn === f.date &&
          rows.length > 0 &&
          rows.every((s) => Math.round(s.value) === p.value);
        if (own || countedOn === undefined)
          return say.counted(p.placeName, people(p.value), orgs.join("; "), f.date);
        const countsOf = (figures: readonly StockFigure[]) =>
          figures
            .map((s) => say.countBy(people(s.value), s.sourceOrg ?? say.sourceNotNamed))
            .join("; ");
        const counts = countsOf(rows);
        // The next count's figures too, so that a value between two counts can be checked.
        const next = (p.nextRows ?? []).map((r) => stocks[r]).filter((s): s is StockFigure => !!s);
        return say.ledgerValue(
          p.placeName,
          people(p.value),
          f.date,
          countedOn,
          counts,
          countedOn === f.date ? undefined : p.nextCountOn,
          next.length > 0 ? countsOf(next) : undefined,
        );
      });
      return `${f.group} (${people(f.size)}, ${people(f.sizeLow)}–${people(f.sizeHigh)}): ${places.join(", ")}`;
    })
    .join("; ");
  const taken = takenIn.filter((t) => t.people > 0);
  if (!taken.length) return groups;
  return (
    groups +
    say.lessTakenIn(
      taken.map((t) => say.takenInPart(people(t.people), t.group, t.place)).join(", "),
    )
  );
}

/**
 * The departure total behind `fromTracks`, in words: its measure, day and source said by `say`
 * (the situation update's `departureTotal`, src/report/words.ts: "people who transited Guatemala
 * by 2018-11-30, UNICEF"), so no raw measure id reaches a reader. "" when there is none.
 */
export function departureTotalText(
  figure: DepartureTotalFigure | undefined,
  say: (measure: string, date: IsoDate, source: string) => string,
): string {
  if (!figure) return "";
  return say(figure.measure, figure.date, figure.sourceOrg ?? "");
}
