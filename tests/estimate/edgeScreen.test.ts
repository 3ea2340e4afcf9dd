import { describe, expect, it } from "vitest";
import { walk } from "./walkReports.ts";
import { EDGE_MARGIN_NATS, edgeJoin, figuresJoin } from "../../src/estimate/edgeScreen.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { freezeGroup, listCost } from "../../src/estimate/moveScreen.ts";
import { positionsCostAt } from "../../src/estimate/positionsFit.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import {
  DEFAULT_COST_MODEL,
  groupLogSize,
  positionLoss,
  sizeLoss,
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

  it("costs a position that would go back more than those that go forward", () => {
    const forward = positionsCostAt([100, 120, 150], [1, 1, 1], 3, 25, model);
    expect(positionsCostAt([100, 300, 150], [1, 1, 1], 3, 25, model)).toBeGreaterThan(forward + 3);
  });
});

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

  it("under-states the exact change of a join at either end by at most its margin", () => {
    others.forEach((r, k) => {
      const i = group.length + k;
      const list = r.t > 40 ? [...members, i] : [i, ...members];
      const exact = listCost(reports, list, ["main"], model).cost - before;
      const position = edgeJoin(table, i, frozen, model, r.t > 40) as number;
      const logN = groupLogSize(list.map((j) => reports[j]));
      const figures = figuresJoin(r, reports, members, frozen.logN, logN, model);
      expect(position + figures - EDGE_MARGIN_NATS).toBeLessThan(exact);
    });
  });

  it("leaves a report off the group's route to the exact re-fit", () => {
    const off = [...reports, { t: 5, kmByRoute: new Map([["other", 100]]) }];
    const t = new ReportTable(off);
    expect(edgeJoin(t, off.length - 1, frozen, model, false)).toBeUndefined();
  });
});

describe("figuresJoin", () => {
  it("is the change of the figures' losses at the group's size with and without the report", () => {
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
      const sum = (list: number[]): number => {
        const logN = groupLogSize(list.map((j) => reports[j]));
        let s = 0;
        for (const j of list) {
          const x = reports[j];
          if (x.logSize !== undefined && logN !== undefined)
            s += sizeLoss(x.logSize, !!x.part, logN, model);
        }
        return s;
      };
      const beforeN = groupLogSize(members.map((j) => reports[j]));
      const afterN = groupLogSize(reports);
      const got = figuresJoin(r, reports, members, beforeN, afterN, model);
      expect(got).toBeCloseTo(sum(indices(reports.length)) - sum(members), 9);
    }
  });
});
