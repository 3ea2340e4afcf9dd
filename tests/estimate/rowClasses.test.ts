import { describe, expect, it } from "vitest";
import { rowClasses } from "../../src/estimate/rowClasses.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
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
