import { describe, expect, it } from "vitest";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { StateCosts } from "../../src/estimate/stateCosts.ts";
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
    const t = Math.floor(random() * 40) / 2;
    reports.push({ t, kmByRoute, logSize, part: random() < 0.1, weight });
  }
  return reports;
}

/** `sorted` with `i` put in after every report at or before its time, or taken out. */
function movedList(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  i: number,
  add: boolean,
): number[] {
  if (!add) return sorted.filter((x) => x !== i);
  let k = 0;
  while (k < sorted.length && reports[sorted[k]].t <= reports[i].t) k++;
  return [...sorted.slice(0, k), i, ...sorted.slice(k)];
}

describe("StateCosts", () => {
  it("gives tableCost of a moved list the cost and route of a plain fit, bit for bit", () => {
    const random = mulberry32(29);
    let reused = 0;
    for (let trial = 0; trial < 150; trial++) {
      const reports = randomReports(random, 2 + Math.floor(random() * 40));
      const table = new ReportTable(reports);
      const sorted = reports
        .map((_, i) => i)
        .filter(() => random() < 0.6)
        .sort((x, y) => reports[x].t - reports[y].t);
      const state = new StateCosts(table.width);
      const likely = random() < 0.7 ? routes[Math.floor(random() * 3)] : undefined;
      // Twice over: the first pass remembers the state's costs, the second reads them back.
      for (let pass = 0; pass < 2; pass++)
        for (let i = 0; i < reports.length; i++) {
          const list = movedList(reports, sorted, i, !sorted.includes(i));
          if (list.length === 0) continue;
          const logN = { logN: groupLogSize(list.map((x) => reports[x])) };
          const plain = tableCost(table, list, routes, model, logN, likely);
          const moved = tableCost(table, list, routes, model, logN, likely, false, { state, i });
          expect(moved.cost).toBe(plain.cost);
          expect(moved.route).toBe(plain.route);
        }
      for (let c = 0; c < table.width; c++) if (!Number.isNaN(state.at(c, model))) reused++;
    }
    // The read-back path was taken (states remembered a route's cost).
    expect(reused).toBeGreaterThan(100);
  });

  it("forgets its costs under another model", () => {
    const state = new StateCosts(3);
    state.set(1, model, 12.5);
    expect(state.at(1, model)).toBe(12.5);
    const other = { ...model };
    expect(state.at(1, other)).toBeNaN();
    state.set(0, other, 3);
    expect(state.at(1, model)).toBeNaN();
    expect(state.at(1, other)).toBeNaN();
    expect(state.at(0, other)).toBe(3);
  });
});
