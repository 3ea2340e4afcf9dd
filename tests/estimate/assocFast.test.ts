// The association search's speed-ups keep its results (docs/estimation.md "Speed of the
// association without labels"): values read back from a cache are those a new computation gives,
// whatever was asked before, so no result depends on the history of a run.
import { describe, expect, it } from "vitest";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { DEFAULT_COST_MODEL, groupCost, groupLogSize } from "../../src/estimate/trackCost.ts";
import type { CostModel } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";
import type { Random } from "../../src/util/random.ts";
import type { Dataset } from "../../src/model/dataset.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const routes = ["main", "salvador", "mexicali"];
const o = { model, routeIds: routes, birth: 55, maxGapDays: 21 };

/** The cost's definition (the slow path): every route scored by groupCost, the first of the least. */
function slowCost(reports: readonly LinkReport[], m: CostModel) {
  let best = { route: routes[0], cost: Infinity };
  for (const route of routes) {
    if (!reports.some((r) => r.kmByRoute.has(route))) continue;
    const cost = groupCost(
      reports.map((r) => ({ ...r, km: r.kmByRoute.get(route) })),
      m,
    );
    if (cost < best.cost - 1e-9) best = { route, cost };
  }
  return best;
}

/** `n` reports of groups walking on one road, some off a branch, some with figures. */
function reportsOf(random: Random, n: number): LinkReport[] {
  const out: LinkReport[] = [];
  for (let k = 0; k < n; k++) {
    const km = random() * 1500;
    const kmByRoute = new Map<string, number>();
    for (const r of routes) if (random() < (r === "main" ? 0.9 : 0.5)) kmByRoute.set(r, km);
    const logSize = random() < 0.6 ? Math.log(200 + 4000 * random()) : undefined;
    out.push({ t: 40 * random(), kmByRoute, logSize, part: random() < 0.1 });
  }
  return out.sort((a, b) => a.t - b.t);
}

/** `k` random sorted lists of indices below `n`. */
function listsOf(random: Random, n: number, k: number): number[][] {
  const lists: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) lists[Math.floor(random() * k)].push(i);
  return lists;
}

describe("tableCost's figure losses kept by row and log size", () => {
  it("gives groupCost's number on a table read before at other log sizes", () => {
    const random = mulberry32(31);
    for (let trial = 0; trial < 20; trial++) {
      const reports = reportsOf(random, 60);
      const table = new ReportTable(reports);
      // History: the same rows scored at other log sizes and in other lists.
      for (const list of listsOf(random, reports.length, 4))
        tableCost(table, list, routes, model, { logN: Math.log(100 + 5000 * random()) });
      for (const list of listsOf(random, reports.length, 3)) {
        const slow = slowCost(
          list.map((i) => reports[i]),
          model,
        );
        const fast = tableCost(table, list, routes, model);
        expect(fast.cost).toBe(slow.cost);
        expect(tableCost(new ReportTable(reports), list, routes, model).cost).toBe(slow.cost);
        const logN = groupLogSize(list.map((i) => reports[i]));
        expect(tableCost(table, list, routes, model, { logN }).cost).toBe(slow.cost);
      }
    }
  });

  it("does not carry one model's losses to another", () => {
    const random = mulberry32(37);
    const reports = reportsOf(random, 40);
    const table = new ReportTable(reports);
    const list = reports.map((_, i) => i);
    const other = { ...model, sizeSd: 0.3 };
    tableCost(table, list, routes, model);
    expect(tableCost(table, list, routes, other).cost).toBe(slowCost(reports, other).cost);
  });
});

describe("reassignReports on a shared table", () => {
  it("ends as on a fresh table, whatever searches read the table before", () => {
    const random = mulberry32(41);
    const reports = reportsOf(random, 120);
    const table = new ReportTable(reports);
    for (let trial = 0; trial < 4; trial++) {
      const lists = listsOf(random, reports.length, 6);
      const fresh = reassignReports(reports, lists, [], o);
      expect(reassignReports(reports, lists, [], { ...o, table })).toEqual(fresh);
    }
  });
});

describe("estimateTracks without labels, run after other worlds", () => {
  /** A simulate.ts world with its labels dropped. */
  const unlabelled = (seed: number, difficulty: number): Dataset => {
    const world = simulateWorld(worldOfDifficulty(difficulty), mulberry32(seed));
    const sightings = world.dataset.sightings.map((s) => {
      const copy = { ...s };
      delete copy.caravanLabel;
      return copy;
    });
    return { ...world.dataset, sightings };
  };

  it("gives the same tracks whatever ran before it (scratch buffers and caches hold no state)", () => {
    const a = unlabelled(2001, 0.8);
    const b = unlabelled(2002, 1);
    const first = JSON.stringify(estimateTracks(a));
    estimateTracks(b);
    expect(JSON.stringify(estimateTracks(a))).toBe(first);
  });
});
