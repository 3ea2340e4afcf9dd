import { describe, expect, it } from "vitest";
import { rowClasses } from "../../src/estimate/rowClasses.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";

const at = (
  t: number,
  km: Record<string, number>,
  extra: Partial<LinkReport> = {},
): LinkReport => ({
  t,
  kmByRoute: new Map(Object.entries(km)),
  ...extra,
});

describe("rowClasses", () => {
  const reports = [
    at(1, { a: 100, b: 140 }, { logSize: 6, weight: 0.5 }),
    at(2.5, { a: 100, b: 140 }, { logSize: 6, weight: 0.5 }), // 0's values, another time
    at(1, { a: 100 }, { logSize: 6, weight: 0.5 }), // off route b
    at(1, { a: 100, b: 140 }, { logSize: 6, weight: 1 }), // another weight
    at(1, { a: 100, b: 140 }, { logSize: 6, weight: 0.5, part: true }), // names a part
    at(1, { a: 100, b: 140 }, { weight: 0.5 }), // no figure
    at(1, { a: 100, b: 140 }, { logSize: 6.5, weight: 0.5 }), // another figure
    at(1, { a: -0, b: 140 }, { logSize: 6, weight: 0.5 }),
    at(1, { a: 0, b: 140 }, { logSize: 6, weight: 0.5 }), // 0 and −0 told apart
  ];
  const table = new ReportTable(reports);

  it("puts rows of the same values in one class, whatever their time", () => {
    const of = rowClasses(table, false);
    expect(of[1]).toBe(of[0]);
    expect(new Set(of).size).toBe(reports.length - 1);
    expect(of[0]).toBe(0);
  });

  it("tells times apart when asked (the predictive reading reads them)", () => {
    const of = rowClasses(table, true);
    expect(new Set(of).size).toBe(reports.length);
  });

  it("gives rows of one class the same cost in a list, at the same place", () => {
    const group = [at(0, { a: 80 }, { logSize: 6 }), at(3, { a: 130 }, { logSize: 6.2 })];
    const all = [...group, reports[0], reports[1]];
    const t = new ReportTable(all);
    const of = rowClasses(t, false);
    expect(of[2]).toBe(of[3]);
    const routes = ["a", "b"];
    const one = tableCost(t, [0, 2, 1], routes, DEFAULT_COST_MODEL);
    const other = tableCost(t, [0, 3, 1], routes, DEFAULT_COST_MODEL);
    expect(other).toEqual(one);
  });
});

describe("the association search keyed by row classes", () => {
  /**
   * Three groups walking 25 km a day on route a (one also on b), each reported every day twice at
   * each of two places and times with one figure: many reports of one row class, the speed
   * worlds' pattern. Started from lists that mix the groups.
   */
  function world(): { reports: LinkReport[]; lists: number[][] } {
    const reports: LinkReport[] = [];
    for (const [g, km0, size] of [
      [0, 100, 6],
      [1, 400, 7],
      [2, 700, 5.5],
    ] as const)
      for (let d = 0; d < 20; d++)
        for (const [dt, dk] of [
          [0.4, -20],
          [0.6, 20],
        ])
          for (let copy = 0; copy < 2; copy++) {
            const km = km0 + 25 * d + dk;
            const kmByRoute: Record<string, number> = g === 1 ? { a: km, b: km + 5 } : { a: km };
            reports.push(at(d + dt, kmByRoute, { logSize: size, weight: 1 }));
          }
    reports.sort((x, y) => x.t - y.t);
    const lists: number[][] = [[], [], [], []];
    reports.forEach((_, i) => lists[(i * 7) % 4].push(i));
    return { reports, lists };
  }

  it("gives the same partition as keys by report, with fewer distinct keys", () => {
    const { reports, lists } = world();
    const classes = rowClasses(new ReportTable(reports), false);
    expect(new Set(classes).size).toBe(reports.length / 2);
    const o = {
      model: { ...DEFAULT_COST_MODEL, spreadKm: 10 },
      routeIds: ["a", "b"],
      birth: 55,
      maxGapDays: 21,
    };
    const byClass = reassignReports(reports, lists, [], { ...o, cache: new Map() });
    const byReport = reassignReports(reports, lists, [], {
      ...o,
      cache: new Map(),
      rowClassKeys: false,
    });
    expect(byClass).toEqual(byReport);
    // The search moved reports (the lists started mixed).
    expect(byClass).not.toEqual(lists);
  });
});
