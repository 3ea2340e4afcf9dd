/**
 * Reports that a group's cost cannot tell apart (reassignReports.ts movedCost). A moved list's exact
 * cost (moveScreen.ts tableCost) reads of each of its reports only its table row's values: its km
 * on every route column (NaN: off it), its position's weight, and its figure (whether it has one,
 * its log size, whether it names a part) — and, with the predictive reading (CostModel.predictive),
 * its time. Two reports whose rows hold the same values, joining one group state at the same
 * place in its time order, give the same list of values, so the same cost and route, bit for bit.
 * The search tries many such joins: the speed worlds' reports are seen at a few places a day, and
 * at 20 unlabelled groups half of the positions fits (positionsMemo.ts) were of a list of values
 * fitted before, but only 1,364 of 126,624 of a list of the same reports (counted by hand in
 * stop 24: a memo keyed by table rows instead of values).
 */
import type { ReportTable } from "./reportTable.ts";

/** Scratch for reading a number's bits. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** The 32-bit words of `x` (so that 0 and −0, and every NaN, are told apart as stored). */
function wordsOf(x: number): string {
  bits[0] = x;
  return `${words[0].toString(36)}.${words[1].toString(36)}`;
}

const classes = new WeakMap<ReportTable, { timed: boolean; of: Int32Array }>();

/**
 * Each row's class (by report index): rows of one class hold the same values of everything a
 * moved list's cost reads (module comment; `timed`: their times too, for the predictive reading).
 * Classes are numbered from 0 in the order their first row comes. Made once per table and kind.
 * @example
 * rowClasses(table, false)[i] === rowClasses(table, false)[j]; // true: i and j cost the same at one place
 */
export function rowClasses(table: ReportTable, timed: boolean): Int32Array {
  const known = classes.get(table);
  if (known?.timed === timed) return known.of;
  const { km, width, weight, logSize, sized, part } = table;
  const times = table.times;
  const n = table.reports.length;
  const of = new Int32Array(n);
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let key = `${wordsOf(weight[i])}|${sized[i]}|${wordsOf(logSize[i])}|${part[i]}`;
    if (timed) key += `|${wordsOf(times[i])}`;
    for (let c = 0; c < width; c++) key += `|${wordsOf(km[i * width + c])}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    of[i] = id;
  }
  classes.set(table, { timed, of });
  return of;
}
