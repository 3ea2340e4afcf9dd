import { describe, expect, it } from "vitest";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { StatePack, placeOf, spliceInto } from "../../src/estimate/statePack.ts";
import { DEFAULT_COST_MODEL, groupLogSize } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const routes = ["main", "salvador", "mexicali"];

/** Random reports on three routes (some off each), with figures, parts, weights and tied times. */
function randomReports(random: () => number, n: number): LinkReport[] {
  const reports: LinkReport[] = [];
  for (let k = 0; k < n; k++) {
    const km = random() * 900;
    const kmByRoute = new Map<string, number>();
    for (const r of routes) if (random() < (r === "main" ? 0.85 : 0.4)) kmByRoute.set(r, km + 7);
    const logSize = random() < 0.6 ? Math.log(200 + 3000 * random()) : undefined;
    const weight = random() < 0.3 ? 0.5 : undefined;
    // Times on half-days, so several reports share one.
    reports.push({
      t: Math.floor(random() * 40) / 2,
      kmByRoute,
      logSize,
      part: random() < 0.1,
      weight,
    });
  }
  return reports;
}

/** `sorted` with `i` put in after every report at or before its time, or taken out. */
function movedList(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  i: number,
  add: boolean,
) {
  if (!add) return sorted.filter((x) => x !== i);
  let k = 0;
  while (k < sorted.length && reports[sorted[k]].t <= reports[i].t) k++;
  return [...sorted.slice(0, k), i, ...sorted.slice(k)];
}

describe("StatePack", () => {
  it("gives tableCost the same cost and route, bit for bit, as the moved list read from the table", () => {
    const random = mulberry32(29);
    for (let trial = 0; trial < 150; trial++) {
      const reports = randomReports(random, 2 + Math.floor(random() * 40));
      const table = new ReportTable(reports);
      const times = table.times;
      const members = reports.map((_, i) => i).filter(() => random() < 0.6);
      const sorted = [...members].sort((x, y) => reports[x].t - reports[y].t);
      const pack = new StatePack(table, sorted);
      const likely = random() < 0.7 ? routes[Math.floor(random() * 3)] : undefined;
      for (let i = 0; i < reports.length; i++) {
        const add = !sorted.includes(i);
        const list = movedList(reports, sorted, i, add);
        if (list.length === 0) continue;
        const logN = { logN: groupLogSize(list.map((x) => reports[x])) };
        const plain = tableCost(table, list, routes, model, logN, likely);
        const at = placeOf(times, sorted, i, add);
        const moved = tableCost(table, list, routes, model, logN, likely, false, {
          pack,
          i,
          add,
          at,
        });
        expect(moved.cost).toBe(plain.cost);
        expect(moved.route).toBe(plain.route);
      }
    }
  });

  it("places a report added after every report at or before its time, and finds one that leaves", () => {
    const times = new Float64Array([3, 1, 2, 2, 5]);
    const sorted = [1, 2, 3, 0];
    expect(placeOf(times, sorted, 4, true)).toBe(4);
    // At time 2 it goes after both reports of time 2.
    expect(placeOf(times, [1, 2, 0], 3, true)).toBe(2);
    expect(placeOf(times, sorted, 3, false)).toBe(2);
    expect(placeOf(times, sorted, 0, false)).toBe(3);
    expect(placeOf(times, sorted, 4, false)).toBe(-1);
  });

  it("splices a value in or out of a packed column", () => {
    const from = new Float64Array([1, 2, 3]);
    const to = new Float64Array(4);
    expect(spliceInto(from, to, 1, true, 9, false)).toBe(4);
    expect([...to]).toEqual([1, 9, 2, 3]);
    expect(spliceInto(from, to, 1, true, NaN, false)).toBe(3);
    expect([...to.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect(spliceInto(from, to, 1, false, NaN, true)).toBe(2);
    expect([...to.subarray(0, 2)]).toEqual([1, 3]);
    expect(spliceInto(from, to, 1, false, NaN, false)).toBe(3);
    expect([...to.subarray(0, 3)]).toEqual([1, 2, 3]);
  });
});
