/**
 * Step 5 of the ledger: the people who have left by each day (the total the split adds up to) and
 * the `unknown` row that balances it, with warnings when the sources account for more people than
 * the other evidence says had left.
 */
import type { SplitRow, TrackPoint } from "../model/track.ts";
import type { IsoDate } from "../model/units.ts";
import { GROUP_ERROR_CORRELATION, sumCorrelated } from "./correlatedSum.ts";
import { formatPeople, rowList } from "./describe.ts";
import type { DepartedRow, LedgerSource, LedgerWarning } from "./types.ts";
import { ledgerWarning } from "./warning.ts";

/** A group's largest estimated size so far, with the interval of that day. */
interface Peak {
  size: number;
  low: number;
  high: number;
}

/** Evidence of departures other than the stock figures (both in people, by day number). */
export interface DepartureEvidence {
  /** Cumulative northbound count at the busiest point by the day. */
  northbound: (day: number) => number;
  /** Largest cumulative departure total among the aggregates by the day. */
  aggregateFloor: (day: number) => number;
}

/** What the warnings name: the rows behind each split row, and behind all returns. */
export interface TallyContext {
  sources: readonly LedgerSource[];
  returnRows: readonly number[];
}

/**
 * Adds a track point to the groups' peaks. The interval kept is the one of the peak day, not a
 * running maximum of upper bounds (which would keep the widest day's bound forever).
 */
export function updatePeak(peaks: Map<string, Peak>, p: TrackPoint): void {
  if (!Number.isFinite(p.size)) return;
  const peak = peaks.get(p.group);
  if (peak && peak.size >= p.size) return;
  peaks.set(p.group, {
    size: p.size,
    low: Number.isFinite(p.sizeLow) ? Math.min(p.sizeLow, p.size) : p.size,
    high: Number.isFinite(p.sizeHigh) ? Math.max(p.sizeHigh, p.size) : p.size,
  });
}

/**
 * Walks the days in order (it must see every day from the first one of the data, so that a
 * day's figure never depends on where a displayed window starts). Departed on a day is the
 * largest of: the sum of the groups' peak sizes so far, the northbound counts, the departure
 * totals, everyone accounted for that day, and departed the day before (it never falls). The
 * intervals of the sum of peaks and of everyone accounted for combine the groups' (rows')
 * intervals with a correlation between their errors (`sumCorrelated`), not the sum of bounds.
 */
export class DepartedTally {
  private readonly peaks = new Map<string, Peak>();
  private before = { value: 0, low: 0, high: 0 };
  private returnsEpisode = false;
  private accountedEpisode = false;
  private readonly evidence: DepartureEvidence;
  private readonly context: TallyContext;
  private readonly warnings: LedgerWarning[];
  private readonly correlation: number;

  /** @param correlation between two groups' errors, 0–1 (default {@link GROUP_ERROR_CORRELATION}). */
  constructor(
    evidence: DepartureEvidence,
    context: TallyContext,
    warnings: LedgerWarning[],
    correlation: number = GROUP_ERROR_CORRELATION,
  ) {
    this.evidence = evidence;
    this.context = context;
    this.warnings = warnings;
    this.correlation = correlation;
  }

  /**
   * The day's departed row and `unknown` row, from the day's track points and split rows.
   * @param rows the day's rounded split rows (every category but `unknown`).
   */
  day(
    day: number,
    date: IsoDate,
    tracks: readonly TrackPoint[],
    rows: readonly Omit<SplitRow, "date">[],
  ): { departed: Omit<DepartedRow, "beyondGroups">; unknown: SplitRow } {
    for (const p of tracks) updatePeak(this.peaks, p);
    // Everyone accounted for: the rows' values add up exactly; their intervals are combined like
    // the groups' (the rows are estimates whose errors partly share causes too).
    const accounted = sumOf(rows, "value");
    const range = sumCorrelated(
      rows.map((r) => ({ value: r.value, low: r.valueLow, high: r.valueHigh })),
      this.correlation,
    );
    const accountedLow = Math.min(accounted, Math.round(range.low));
    const accountedHigh = Math.max(accounted, Math.round(range.high));
    const peaks = sumCorrelated(
      [...this.peaks.values()].map((p) => ({ value: p.size, low: p.low, high: p.high })),
      this.correlation,
    );
    const { value: peakSum, low: peakLow, high: peakHigh } = peaks;
    const counted = Math.max(this.evidence.northbound(day), this.evidence.aggregateFloor(day));
    const fromTracks = Math.round(Math.max(peakSum, counted));
    this.checkAccounted(date, rows, accounted, fromTracks);
    const value = Math.max(this.before.value, fromTracks, accounted);
    const low = Math.min(
      value,
      Math.max(this.before.low, Math.round(Math.max(peakLow, counted)), accountedLow),
    );
    const high = Math.max(
      value,
      this.before.high,
      Math.round(Math.max(peakHigh, counted)),
      accountedHigh,
    );
    this.before = { value, low, high };
    this.checkReturns(date, rows, fromTracks, value);
    return {
      departed: { date, value, valueLow: low, valueHigh: high, fromTracks, accounted },
      unknown: {
        date,
        category: "unknown",
        value: value - accounted,
        valueLow: Math.min(value - accounted, Math.max(0, low - accountedHigh)),
        valueHigh: Math.max(value - accounted, high - accountedLow),
      },
    };
  }

  /** Warns (once per episode) when the sources account for 10 % more than the evidence of departures. */
  private checkAccounted(
    date: IsoDate,
    rows: readonly Omit<SplitRow, "date">[],
    accounted: number,
    fromTracks: number,
  ): void {
    const exceeds = fromTracks > 0 && accounted > fromTracks * 1.1 && accounted > this.before.value;
    if (exceeds && !this.accountedEpisode)
      this.warnings.push(accountedWarning(date, rows, accounted, fromTracks, this.context.sources));
    this.accountedEpisode = exceeds;
  }

  /** Warns (once per episode) when returns alone exceed the evidence of departures. */
  private checkReturns(
    date: IsoDate,
    rows: readonly Omit<SplitRow, "date">[],
    fromTracks: number,
    value: number,
  ): void {
    const returns = sumOf(
      rows.filter((r) => r.category === "return"),
      "value",
    );
    const exceeds = fromTracks > 0 && returns > fromTracks;
    if (exceeds && !this.returnsEpisode)
      this.warnings.push(returnsWarning(date, returns, fromTracks, value, this.context.returnRows));
    this.returnsEpisode = exceeds;
  }
}

function sumOf(
  rows: readonly Omit<SplitRow, "date">[],
  key: "value" | "valueLow" | "valueHigh",
): number {
  return rows.reduce((s, r) => s + r[key], 0);
}

/**
 * The warning that on `date` the sources account for more people than the tracks, counts and
 * departure totals say had left (`fromTracks`), naming the places of the people remaining.
 */
function accountedWarning(
  date: IsoDate,
  rows: readonly Omit<SplitRow, "date">[],
  accounted: number,
  fromTracks: number,
  sources: TallyContext["sources"],
): LedgerWarning {
  const present = rows.filter((r) => r.category === "remaining");
  const presentRows = present.flatMap(
    (r) =>
      sources.find(
        (s) => s.category === r.category && s.country === r.country && s.placeName === r.placeName,
      )?.rows ?? [],
  );
  return ledgerWarning({
    code: "accounted_exceeds_departures",
    message:
      `On ${date} the sources account for ${formatPeople(accounted)} people, more than the ${formatPeople(fromTracks)} the tracks, counts and departure totals say had left` +
      (present.length > 0
        ? ` (people remaining: ${present.map((r) => `${r.placeName ?? r.country ?? "not placed"} ${formatPeople(r.value)}`).join(", ")}; stock rows ${rowList(presentRows)}). `
        : ". ") +
      `Categories may overlap in the sources (an asylum claimant in a shelter is counted twice); the ledger raises the people who left to ${formatPeople(accounted)}.`,
    params: {
      date,
      accounted,
      fromTracks,
      remainingPlaces: present.map((r) => r.placeName ?? r.country ?? ""),
      remainingValues: present.map((r) => r.value),
    },
    rows: [...new Set(presentRows)].sort((x, y) => x - y),
    date,
  });
}

/** The warning that on `date` returns exceed the people who had left; departed raised to `value`. */
function returnsWarning(
  date: IsoDate,
  returns: number,
  fromTracks: number,
  value: number,
  returnRows: readonly number[],
): LedgerWarning {
  return ledgerWarning({
    code: "returns_exceed_departures",
    message:
      `On ${date} returns (${formatPeople(returns)}) exceed the people the tracks and counts say had left (${formatPeople(fromTracks)}); ` +
      `stock rows ${rowList(returnRows)}. The ledger raises the people who left to ${formatPeople(value)} so everyone stays counted; check the returns or the group sizes.`,
    params: { date, returns, fromTracks, raisedTo: value },
    rows: [...returnRows],
    date,
    category: "return",
  });
}
