import { describe, expect, it } from "vitest";
import { walk } from "./walkReports.ts";
import {
  EDGE_MARGIN_NATS,
  FAR_SPREADS,
  edgeJoin,
  edgeRival,
  edgeState,
  figuresJoin,
  figuresJoinAt,
} from "../../src/estimate/edgeScreen.ts";
import type { EdgeState } from "../../src/estimate/edgeScreen.ts";
import { groupFigures, logSizeAfter } from "../../src/estimate/groupFigures.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { freezeGroup, listCost } from "../../src/estimate/moveScreen.ts";
import { positionsCost, positionsCostAt } from "../../src/estimate/positionsFit.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import {
  DEFAULT_COST_MODEL,
  groupCostTerms,
  groupLogSize,
  positionLoss,
} from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const indices = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => i + from);

describe("positionsCostAt", () => {
  it("costs positions on a forward track each at the least loss of the given spread", () => {
    const km = [100, 120, 150, 150, 400];
    const least = positionLoss(0, { ...model, spreadKm: 25 });
    expect(positionsCostAt(km, [1, 1, 1, 1, 1], 5, 25, model)).toBeCloseTo(5 * least, 9);
    expect(positionsCostAt(km, [1, 0.5, 0.5, 1, 1], 5, 25, model)).toBeCloseTo(4 * least, 9);
  });

  it("is positionsCost with the model's floor and cap both at the given spread, bit for bit", () => {
    const random = mulberry32(37);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 15);
      const km = Array.from({ length: n }, (_, k) => 30 * k + 200 * (random() - 0.5));
      const v = Array.from({ length: n }, () => (random() < 0.3 ? 0.5 : 1));
      for (const s of [4, 17, 60])
        expect(positionsCostAt(km, v, n, s, model)).toBe(
          positionsCost(km, v, n, { ...model, floorKm: s, capKm: s }),
        );
    }
  });

  it("costs a position that would go back more than those that go forward", () => {
    const forward = positionsCostAt([100, 120, 150], [1, 1, 1], 3, 25, model);
    expect(positionsCostAt([100, 300, 150], [1, 1, 1], 3, 25, model)).toBeGreaterThan(forward + 3);
  });
});

/** The edge screen's change of report `i` joining group `members` of `reports` (undefined: none). */
function screened(
  reports: readonly LinkReport[],
  members: readonly number[],
  routes: readonly string[],
  i: number,
): number | undefined {
  const table = new ReportTable(reports);
  const frozen = freezeGroup(reports, members, routes[0], model);
  const cost = listCost(reports, members, routes, model).cost;
  const e = edgeState(table, frozen, members, { routes, cost }, model) as EdgeState;
  const after = reports[i].t > reports[members[members.length - 1]].t;
  return edgeJoin(table, i, frozen, e, model, after);
}

describe("the edge screen against the exact re-fit", () => {
  // A group of 30 days walking 35 km a day, and reports before and after it.
  const group = walk(10, 39, 300, 35, 2000);
  const random = mulberry32(29);
  const others: LinkReport[] = [];
  for (let k = 0; k < 60; k++) {
    const after = k % 2 === 1;
    const t = after ? 40 + random() * 10 : 10 - random() * 10;
    const kmByRoute = new Map([["main", random() * 2500]]);
    others.push({
      t,
      kmByRoute,
      logSize: random() < 0.5 ? Math.log(500 + 3000 * random()) : undefined,
    });
  }
  const reports = [...group, ...others];
  const table = new ReportTable(reports);
  const members = indices(group.length);
  const frozen = freezeGroup(reports, members, "main", model);
  const before = listCost(reports, members, ["main"], model).cost;
  const e = edgeState(
    table,
    frozen,
    members,
    { routes: ["main"], cost: before },
    model,
  ) as EdgeState;

  it("reads the exact change of a join at either end of a group that walks as fitted", () => {
    // Here every report lies on the fit, so the screen should read the exact change: one that
    // reads too low (and would skip winning moves) or too high fails.
    others.forEach((r, k) => {
      const i = group.length + k;
      const list = r.t > 40 ? [...members, i] : [i, ...members];
      const exact = listCost(reports, list, ["main"], model).cost - before;
      const position = edgeJoin(table, i, frozen, e, model, r.t > 40) as number;
      const logN = logSizeAfter(groupFigures(group), { logSize: r.logSize, change: 1 });
      const figures = figuresJoin(r, reports, members, frozen.logN, logN, model);
      expect(Math.abs(position + figures - exact)).toBeLessThan(1e-3);
    });
  });

  it("reads a group of 11 (one report left out of its end) within its margin", () => {
    const eleven = indices(11);
    const f = freezeGroup(reports, eleven, "main", model);
    const base = listCost(reports, eleven, ["main"], model).cost;
    const e11 = edgeState(table, f, eleven, { routes: ["main"], cost: base }, model) as EdgeState;
    // A report after day 20 (the group's last of 11) and one before its first.
    for (const [km, t] of [
      [700, 22],
      [250, 8.5],
    ]) {
      const all = [...reports, { t, kmByRoute: new Map([["main", km]]) }];
      const i = all.length - 1;
      const list = t > 20 ? [...eleven, i] : [i, ...eleven];
      const exact = listCost(all, list, ["main"], model).cost - base;
      const got = edgeJoin(new ReportTable(all), i, f, e11, model, t > 20) as number;
      expect(Math.abs(got - exact)).toBeLessThan(EDGE_MARGIN_NATS);
    }
  });

  it("leaves a report off the group's route to the exact re-fit", () => {
    const off = [...reports, { t: 5, kmByRoute: new Map([["other", 100]]) }];
    const t = new ReportTable(off);
    expect(edgeJoin(t, off.length - 1, frozen, e, model, false)).toBeUndefined();
  });

  it("bounds from below the change of a join that takes another route", () => {
    // A second route sharing the road 40 km on: the group's reports lie on both at one shift.
    const two = group.map((r) => ({
      ...r,
      kmByRoute: new Map([...r.kmByRoute, ["branch", (r.kmByRoute.get("main") as number) + 40]]),
    }));
    const same = {
      t: 5,
      kmByRoute: new Map([
        ["main", 200],
        ["branch", 240],
      ]),
    };
    const other = {
      t: 5,
      kmByRoute: new Map([
        ["main", 200],
        ["branch", 390],
      ]),
    };
    const offBranch = { t: 5, kmByRoute: new Map([["main", 200]]) };
    const all = [...two, same, other, offBranch];
    const t = new ReportTable(all);
    const routes = ["main", "branch"];
    const cost = listCost(all, members, routes, model).cost;
    const e2 = edgeState(
      t,
      freezeGroup(all, members, "main", model),
      members,
      { routes, cost },
      model,
    );
    const n = two.length;
    // The same shift: the branch costs what the main route costs, left to the screen.
    expect(edgeRival(t, n, e2 as EdgeState)).toBe(Infinity);
    for (const i of [n + 1, n + 2]) {
      const exact = listCost(all, [i, ...members], ["branch"], model).cost - cost;
      const least = edgeRival(t, i, e2 as EdgeState);
      expect(least).toBeLessThanOrEqual(exact + 1e-9);
      expect(least).toBeGreaterThan(-Infinity);
    }
    // Off the branch, the change there is its loss as an outlier, exactly.
    const exact = listCost(all, [n + 2, ...members], ["branch"], model).cost - cost;
    expect(edgeRival(t, n + 2, e2 as EdgeState)).toBeCloseTo(exact, 9);
    // One route: no rival.
    expect(edgeRival(table, group.length, e)).toBe(Infinity);
  });

  it("leaves an end holding a report far from the fit to the exact re-fit", () => {
    // The group's third report lies 20 spreads off its track: its head is not screened, its tail is.
    const far = group.map((r, k) =>
      k === 2 ? { ...r, kmByRoute: new Map([["main", 370 + 20 * FAR_SPREADS * 10]]) } : r,
    );
    const all = [...far, { t: 5, kmByRoute: new Map([["main", 200]]) }];
    const tail = [...far, { t: 45, kmByRoute: new Map([["main", 1400]]) }];
    expect(screened(all, members, ["main"], all.length - 1)).toBeUndefined();
    expect(screened(tail, members, ["main"], tail.length - 1)).toBeTypeOf("number");
  });
});

describe("reassignReports with the edge screen", () => {
  // Two groups 250 km apart on days 1-30 and a third going on from the first's end; a few
  // reports of each put in the wrong group.
  const a = walk(1, 30, 0, 35, 3000);
  const b = walk(1, 30, 250, 35, 600);
  const c = walk(31, 50, 1050, 35, 1500);
  const reports = [...a, ...b, ...c];
  const ia = indices(a.length);
  const ib = indices(b.length, a.length);
  const ic = indices(c.length, 60);
  const lists = [
    [...ia.filter((i) => i % 7 !== 3), ...ib.filter((i) => i % 9 === 0)],
    [...ib.filter((i) => i % 9 !== 0), ...ia.filter((i) => i % 7 === 3)],
    ic,
  ];
  const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21 };
  it("skips some joins at a group's end, ending as when every candidate is re-fitted", () => {
    const stats = { edgeSkipped: 0 };
    const got = reassignReports(reports, lists, [], { ...o, stats });
    expect(stats.edgeSkipped).toBeGreaterThan(0);
    expect(got).toEqual(reassignReports(reports, lists, [], { ...o, exhaustive: true }));
    expect(got).toEqual([ia, ib, ic]);
  });
});

describe("figuresJoin", () => {
  it("is groupCostTerms' change of the figures' losses, at the size logSizeAfter reads", () => {
    const random = mulberry32(31);
    for (let trial = 0; trial < 100; trial++) {
      const reports: LinkReport[] = Array.from({ length: 1 + Math.floor(random() * 12) }, () => ({
        t: 0,
        kmByRoute: new Map(),
        logSize: random() < 0.7 ? Math.log(200 + 3000 * random()) : undefined,
        part: random() < 0.2,
      }));
      const members = indices(reports.length - 1);
      const r = reports[reports.length - 1];
      const without = reports.slice(0, -1);
      const beforeN = groupLogSize(without);
      const afterN = logSizeAfter(groupFigures(without), {
        logSize: r.logSize,
        part: r.part,
        change: 1,
      });
      const got = figuresJoin(r, reports, members, beforeN, afterN, model);
      const sizes = (list: LinkReport[]) => groupCostTerms(list, model).sizes;
      expect(got).toBeCloseTo(sizes(reports) - sizes(without), 9);
      // Read from the table's figure memo: the same number (twice: computed, then read back).
      const table = new ReportTable(reports);
      const last = reports.length - 1;
      expect(figuresJoinAt(table, last, members, beforeN, afterN, model)).toBe(got);
      expect(figuresJoinAt(table, last, members, beforeN, afterN, model)).toBe(got);
    }
  });
});
