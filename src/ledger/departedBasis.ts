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
import type { BeyondGroup } from "./groupFigures.ts";

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
}

/** What {@link departedBasis} names the figures from (all optional). */
export interface DepartedBasisContext {
  /** The ledger's `beyondGroupsFigures` (the days `beyond_groups` was set, with their figures). */
  beyondGroupsFigures?: readonly BeyondGroup[];
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
 * The figures behind `beyondGroups`, language-neutral: "Honduran caravan 1 (5,488, 3,545–8,684):
 * Tijuana 6,200 (DHS), Mexicali 3,093 (…)", each place with the sources of its stock rows.
 * @param stocks the dataset's stock figures (the rows index them).
 */
export function beyondFiguresText(
  figures: readonly BeyondGroup[],
  stocks: readonly StockFigure[],
): string {
  return figures
    .map((f) => {
      const places = f.places.map((p) => {
        const orgs = [...new Set(p.rows.map((r) => stocks[r]?.sourceOrg).filter(Boolean))];
        return `${p.placeName} ${formatPeople(p.value)}${orgs.length ? ` (${orgs.join("; ")})` : ""}`;
      });
      return `${f.group} (${formatPeople(f.size)}, ${formatPeople(f.sizeLow)}–${formatPeople(f.sizeHigh)}): ${places.join(", ")}`;
    })
    .join("; ");
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
