/**
 * Floors under the people who have left, from evidence other than the stock figures: cumulative
 * northbound border counts and departure totals among the aggregate figures.
 */
import type { AggregateFigure } from "../model/aggregate.ts";
import type { CountRecord } from "../model/count.ts";
import { dayNumber } from "../calendar/index.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { countPoint } from "../geo/countPoint.ts";

/** Aggregate measures that count people who have left (cumulative), matched by prefix. */
const DEPARTURE_MEASURES = /^(departed|left|transited|entered)_/;

/** Whether an aggregate measure counts people who have left (`measures` given, or by prefix). */
export function isDepartureMeasure(measure: string, measures?: readonly string[]): boolean {
  return measures ? measures.includes(measure) : DEPARTURE_MEASURES.test(measure);
}

/**
 * The largest cumulative departure figure known by each day from the aggregates (people who
 * transited Guatemala, entered Mexico …): a floor under the people who left. A bound-only figure
 * ("at least 10,000") counts with its bound.
 */
export function departureFloor(
  aggregates: readonly AggregateFigure[],
  measures: readonly string[] | undefined,
  lastDay: number = Infinity,
): (day: number) => number {
  const points: { day: number; value: number }[] = [];
  for (const a of aggregates) {
    if (!isDepartureMeasure(a.measure, measures) || a.basis !== "cumulative") continue;
    const value = a.value ?? a.valueMin;
    const day = dayNumber(a.date);
    if (day === undefined || day > lastDay || typeof value !== "number" || !Number.isFinite(value))
      continue;
    points.push({ day, value });
  }
  return (day) => points.reduce((best, p) => (p.day <= day ? Math.max(best, p.value) : best), 0);
}

/**
 * The most people counted heading north at any one point, cumulated to each day: everyone who
 * passed that point has left. Counts with a blank total are skipped (unknown, not zero). A point
 * is the gazetteer place its id or name resolves to (src/geo/countPoint.ts): rows naming it by id
 * and rows naming it by name are one point, not two halves.
 */
export function northboundFloor(
  counts: readonly CountRecord[],
  gazetteer?: Gazetteer,
  lastDay: number = Infinity,
): (day: number) => number {
  const byPoint = new Map<string, { day: number; total: number }[]>();
  for (const c of counts) {
    if (c.direction !== "northbound" || typeof c.total !== "number" || !(c.total >= 0)) continue;
    const day = dayNumber(c.date);
    if (day === undefined || day > lastDay) continue;
    const key = countPoint(c, gazetteer).key;
    const list = byPoint.get(key) ?? [];
    list.push({ day, total: c.total });
    byPoint.set(key, list);
  }
  const series = [...byPoint.values()].map((list) => {
    list.sort((a, b) => a.day - b.day);
    let sum = 0;
    return list.map((e) => ({ day: e.day, cumulative: (sum += e.total) }));
  });
  return (day) => {
    let best = 0;
    for (const s of series) {
      let lo = -1;
      for (let k = 0; k < s.length && s[k]!.day <= day; k++) lo = k;
      if (lo >= 0) best = Math.max(best, s[lo]!.cumulative);
    }
    return best;
  };
}

/** People counted heading south, which the split leaves out (docs/ledger.md, Southbound counts). */
export interface SouthboundTally {
  /** People on the southbound rows with a total (people). */
  people: number;
  /** 0-based indexes into `dataset.counts` of those rows. */
  countRows: number[];
  firstDate: string;
  lastDate: string;
  /** The points as the gazetteer names them (or as written), in order of first appearance. */
  points: string[];
  /** Where each row was read (`file:line`, the importer's `origin`), or "count row N" (1-based). */
  where: string[];
}

/**
 * The southbound counts up to `lastDay` (returns on their way, people turning back): the ledger
 * does not place them in the split — a return is counted by the stock figures (category
 * `return`), and a southbound crossing may be a person already counted north — so they are
 * tallied here for a warning, never dropped without a word. Blank totals are skipped (unknown).
 * @returns undefined when no southbound row has a total.
 * @example
 * southboundTally([{ date: "2018-11-08", fmpName: "Tapachula", direction: "southbound", total: 70 }])
 * // => { people: 70, countRows: [0], firstDate: "2018-11-08", lastDate: "2018-11-08", points: ["Tapachula"], where: ["count row 1"] }
 */
export function southboundTally(
  counts: readonly CountRecord[],
  gazetteer?: Gazetteer,
  lastDay: number = Infinity,
): SouthboundTally | undefined {
  return directionTally("southbound", counts, gazetteer, lastDay);
}

/**
 * The counts of unknown direction up to `lastDay` ("Salida hacia Guatemala" read without
 * `--incoming-is`, a blank direction): only northbound counts raise the people who left, so
 * these people are left out of them, and tallied here for a warning, never dropped without a
 * word. Same fields as `southboundTally`; blank totals are skipped.
 * @returns undefined when no row of unknown direction has a total.
 */
export function unknownDirectionTally(
  counts: readonly CountRecord[],
  gazetteer?: Gazetteer,
  lastDay: number = Infinity,
): SouthboundTally | undefined {
  return directionTally("unknown", counts, gazetteer, lastDay);
}

/** The rows of one `direction` with a total, dated up to `lastDay`, summed (undefined when none). */
function directionTally(
  direction: CountRecord["direction"],
  counts: readonly CountRecord[],
  gazetteer: Gazetteer | undefined,
  lastDay: number,
): SouthboundTally | undefined {
  let tally: SouthboundTally | undefined;
  counts.forEach((c, row) => {
    if (c.direction !== direction || typeof c.total !== "number" || !(c.total >= 0)) return;
    const day = dayNumber(c.date);
    if (day === undefined || day > lastDay) return;
    const point = countPoint(c, gazetteer).label;
    if (!tally) {
      tally = {
        people: 0,
        countRows: [],
        firstDate: c.date,
        lastDate: c.date,
        points: [],
        where: [],
      };
    }
    tally.people += c.total;
    tally.countRows.push(row);
    tally.where.push(c.origin ?? `count row ${row + 1}`);
    if (c.date < tally.firstDate) tally.firstDate = c.date;
    if (c.date > tally.lastDate) tally.lastDate = c.date;
    if (point && !tally.points.includes(point)) tally.points.push(point);
  });
  return tally;
}

/**
 * Where rows were read, by file: "conteo.csv lines 4, 6 and 8" (`file:line` origins; anything else
 * as written), at most `max` rows named, the rest counted. `words` gives the language's words.
 * @example
 * rowsByFile(["a.csv:4", "a.csv:6", "b.xlsx#Hoja1:3"]); // => "a.csv lines 4, 6; b.xlsx#Hoja1 line 3"
 */
export function rowsByFile(
  where: readonly string[],
  words: { line: string; lines: string; and: string; more: string } = {
    line: "line",
    lines: "lines",
    and: "and",
    more: "more",
  },
  max = 8,
): string {
  const files = new Map<string, string[]>();
  for (const w of where.slice(0, max)) {
    const m = /^(.*):(\d+)$/.exec(w);
    const [file, line] = m ? [m[1]!, m[2]!] : [w, ""];
    const list = files.get(file) ?? [];
    if (line) list.push(line);
    files.set(file, list);
  }
  const parts = [...files].map(([file, lines]) =>
    lines.length
      ? `${file} ${lines.length === 1 ? words.line : words.lines} ${lines.join(", ")}`
      : file,
  );
  const rest = where.length - Math.min(where.length, max);
  return parts.join("; ") + (rest > 0 ? ` ${words.and} ${rest} ${words.more}` : "");
}
