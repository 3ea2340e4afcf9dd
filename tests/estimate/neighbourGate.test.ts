import { describe, expect, it } from "vitest";
import { walk } from "./walkReports.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { freezeGroup, listCost } from "../../src/estimate/moveScreen.ts";
import {
  ENDS_ONLY,
  GATE_MIN_KM,
  REACH_KM_PER_DAY,
  beyondReach,
  gateApplies,
  gateMarginKm,
  outsideReach,
} from "../../src/estimate/neighbourGate.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const indices = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => i + from);
const at = (t: number, km: number, route = "main"): LinkReport => ({
  t,
  kmByRoute: new Map([[route, km]]),
});

describe("outsideReach", () => {
  // Walking 35 km a day from 300 km, days 10-39 (reports at noon).
  const group = walk(10, 39, 300, 35, 2000);
  const frozen = freezeGroup(group, indices(group.length), "main", model);
  const first = frozen.fit[0];
  const last = frozen.fit[frozen.fit.length - 1];

  it("reads the track's interval between two reports, 0 within it", () => {
    const k = 5;
    const mid = (frozen.fit[k] + frozen.fit[k + 1]) / 2;
    expect(outsideReach(at(frozen.t[k] + 0.5, mid), frozen)).toBe(0);
    expect(outsideReach(at(frozen.t[k] + 0.5, frozen.fit[k + 1] + 400), frozen)).toBeCloseTo(
      400,
      9,
    );
    expect(outsideReach(at(frozen.t[k] + 0.5, frozen.fit[k] - 250), frozen)).toBeCloseTo(250, 9);
  });

  it("widens the interval by the law's reach over the gap before the first report and after the last", () => {
    // Two days before the first report: anywhere from first − 2 reach to first.
    expect(outsideReach(at(frozen.t[0] - 2, first - 2 * REACH_KM_PER_DAY + 1), frozen)).toBe(0);
    expect(
      outsideReach(at(frozen.t[0] - 2, first - 2 * REACH_KM_PER_DAY - 100), frozen),
    ).toBeCloseTo(100, 9);
    // Ahead of the group's first position before it: the forward-only track cannot be there.
    expect(outsideReach(at(frozen.t[0] - 2, first + 300), frozen)).toBeCloseTo(300, 9);
    // Three days after the last: from last to last + 3 reach.
    const t = frozen.t[frozen.t.length - 1] + 3;
    expect(outsideReach(at(t, last + 3 * REACH_KM_PER_DAY), frozen)).toBe(0);
    expect(outsideReach(at(t, last + 3 * REACH_KM_PER_DAY + 50), frozen)).toBeCloseTo(50, 9);
    expect(outsideReach(at(t, last - 500), frozen)).toBeCloseTo(500, 9);
  });

  it("does not read a report off the group's route, or a group with no route", () => {
    expect(outsideReach(at(20, 5000, "other"), frozen)).toBeNaN();
    expect(beyondReach(at(20, 5000, "other"), frozen)).toBe(false);
    const none = freezeGroup(group, indices(group.length), undefined, model);
    expect(beyondReach(at(20, 5000), none)).toBe(false);
  });

  it("takes at least GATE_MIN_KM as margin", () => {
    expect(gateMarginKm(frozen)).toBe(GATE_MIN_KM);
    const t = frozen.t[frozen.t.length - 1] + 1;
    const reach = last + REACH_KM_PER_DAY;
    expect(beyondReach(at(t, reach + GATE_MIN_KM - 1), frozen)).toBe(false);
    expect(beyondReach(at(t, reach + GATE_MIN_KM + 1), frozen)).toBe(true);
    expect(beyondReach(at(t, last - GATE_MIN_KM - 1), frozen)).toBe(true);
  });

  it("does not gate a report within the group's span (ENDS_ONLY)", () => {
    expect(ENDS_ONLY).toBe(true);
    const k = 10;
    expect(beyondReach(at(frozen.t[k] + 0.5, frozen.fit[k + 1] + 2000), frozen)).toBe(false);
  });
});

describe("gateApplies", () => {
  it("is false for a report beyond its own group's reach (an outlier where it is)", () => {
    const group = walk(10, 39, 300, 35, 2000);
    group[7] = { ...group[7], kmByRoute: new Map([["main", 2500]]) };
    const frozen = freezeGroup(group, indices(group.length), "main", model);
    expect(gateApplies(group, 7, frozen)).toBe(false);
    // (The robust forward-only fit pools the outlier with a few reports after it.)
    expect(gateApplies(group, 20, frozen)).toBe(true);
  });
});

/**
 * The exact change of the objective (nats) when report `i` leaves `from` and joins `to` (lists of
 * indices of `reports`, in time order).
 */
function exactChange(reports: LinkReport[], from: number[], to: number[], i: number): number {
  const cost = (list: number[]) =>
    listCost(
      reports,
      [...list].sort((x, y) => reports[x].t - reports[y].t),
      ["main"],
      model,
    ).cost;
  return cost(from.filter((x) => x !== i)) - cost(from) + cost([...to, i]) - cost(to);
}

describe("the gate against the exact costs", () => {
  it("never skips a group the report would join at a gain, on random groups and reports", () => {
    const random = mulberry32(41);
    let skipped = 0;
    for (let trial = 0; trial < 120; trial++) {
      // Two groups on one road walking 20-50 km a day, a report of the first with noise; the
      // second starts after the first ends, or ends before it starts, behind or ahead of it.
      const early = trial % 2 === 0;
      const a = walk(
        early ? 1 : 21,
        early ? 20 : 40,
        random() * 2000,
        20 + 30 * random(),
        1000 + 2000 * random(),
      );
      const start = early ? 18 + Math.floor(random() * 6) : 1 + Math.floor(random() * 6);
      const b = walk(
        start,
        start + 15,
        random() * 2500,
        20 + 30 * random(),
        1000 + 2000 * random(),
      );
      const noisy = a.map((r) => ({
        ...r,
        kmByRoute: new Map([["main", (r.kmByRoute.get("main") as number) + 60 * (random() - 0.5)]]),
      }));
      const reports = [...noisy, ...b];
      const ia = indices(a.length);
      const ib = indices(b.length, a.length);
      const i = Math.floor(random() * a.length);
      const own = freezeGroup(reports, ia, "main", model);
      const other = freezeGroup(reports, ib, "main", model);
      if (!gateApplies(reports, i, own) || !beyondReach(reports[i], other)) continue;
      skipped++;
      expect(exactChange(reports, ia, ib, i)).toBeGreaterThan(0);
    }
    // The property was tested on many skips.
    expect(skipped).toBeGreaterThan(30);
  });

  it("lets a group within reach win: a report put in the wrong group moves to its own", () => {
    // Two groups 250 km apart walking side by side; report 12 of the first is given to the second.
    const a = walk(1, 30, 0, 35, 3000);
    const b = walk(1, 30, 250, 35, 600);
    const reports = [...a, ...b];
    const ia = indices(a.length);
    const ib = indices(b.length, a.length);
    const lists = [ia.filter((i) => i !== 12), [...ib, 12]];
    const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21, neighbourGate: true };
    const got = reassignReports(reports, lists, [], o);
    expect(got).toEqual([ia, ib]);
  });
});

describe("reassignReports with the neighbour gate", () => {
  // Two groups 250 km apart on days 1-30, a third going on from the first's end, and a fourth far
  // ahead on the same road; a few reports of each of the first two put in the other.
  const a = walk(1, 30, 0, 35, 3000);
  const b = walk(1, 30, 250, 35, 600);
  const c = walk(31, 50, 1050, 35, 1500);
  const d = walk(1, 30, 2000, 20, 800);
  const reports = [...a, ...b, ...c, ...d];
  const ia = indices(a.length);
  const ib = indices(b.length, 30);
  const ic = indices(c.length, 60);
  const id = indices(d.length, 80);
  const lists = [
    [...ia.filter((i) => i % 7 !== 3), ...ib.filter((i) => i % 9 === 0)],
    [...ib.filter((i) => i % 9 !== 0), ...ia.filter((i) => i % 7 === 3)],
    ic,
    id,
  ];
  const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21 };
  it("skips groups out of reach and ends as the search without the gate, and as every candidate re-fitted", () => {
    const stats = { edgeSkipped: 0, gateSkipped: 0 };
    const got = reassignReports(reports, lists, [], { ...o, neighbourGate: true, stats });
    expect(stats.gateSkipped).toBeGreaterThan(0);
    expect(got).toEqual(reassignReports(reports, lists, [], o));
    expect(got).toEqual(reassignReports(reports, lists, [], { ...o, exhaustive: true }));
    expect(got).toEqual([ia, ib, ic, id]);
  });
});
