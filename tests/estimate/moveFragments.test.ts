import { describe, expect, it } from "vitest";
import { walk } from "./walkReports.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { moveFragments } from "../../src/estimate/moveFragments.ts";
import { listCost } from "../../src/estimate/moveScreen.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import { mulberry32 } from "../../src/util/random.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21 };
const indices = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => i + from);

/** `n` reports of `size` people at km `km` on day `day` (one place, one local day). */
function block(day: number, km: number, n: number, size: number): LinkReport[] {
  return indices(n).map((k) => ({
    t: day + 0.2 + (0.6 * k) / n,
    kmByRoute: new Map([["main", km]]),
    logSize: Math.log(size),
  }));
}

describe("moveFragments", () => {
  // Two groups on one road 250 km apart, of 3,000 and 500 people.
  const a = walk(1, 12, 0, 35, 3000);
  const b = walk(1, 12, 250, 35, 500);
  // Three more reports of b at one town on day 6, where b is.
  const extra = block(6, 250 + 35 * 5, 3, 500);
  const reports = [...a, ...b, ...extra];
  const ia = indices(a.length);
  const ib = indices(b.length, a.length);
  const ie = indices(extra.length, a.length + b.length);

  /** The association objective of lists: their exact costs plus a birth per group. */
  const objective = (lists: number[][]): number =>
    lists
      .filter((l) => l.length > 0)
      .map((l) => [...l].sort((x, y) => reports[x].t - reports[y].t))
      .reduce((sum, l) => sum + listCost(reports, l, ["main"], model).cost + o.birth, 0);

  it("moves a place-day block that belongs elsewhere in one step", () => {
    // b's day-6 report and its town's block, all given to a.
    const day6 = ib[5];
    const lists = [[...ia, day6, ...ie], ib.filter((i) => i !== day6)];
    const { lists: got, settled } = moveFragments(reports, lists, [], { ...o, passes: 1 });
    expect(got).toEqual([ia, [...ib, ...ie]]);
    expect(objective(got)).toBeLessThan(objective(lists) - 1);
    // The block moved whole and by a margin: settled; reports alone at their place-day are not.
    for (const i of ie) expect(settled[i]).toBe(true);
    expect(settled[ia[0]]).toBe(false);
    // One report at a time, the first report of the block alone would not move to b (or would be
    // a near-tie): the block is what moves.
  });

  it("moves an end run (a track's last days) to the group it continues", () => {
    const later = walk(13, 14, 250 + 35 * 12, 35, 500);
    const all = [...a, ...b, ...later];
    const il = indices(later.length, a.length + b.length);
    const lists = [[...ia, ...il], ib];
    const { lists: got } = moveFragments(all, lists, [], { ...o, passes: 1 });
    expect(got).toEqual([ia, [...ib, ...il]]);
  });

  it("never moves a fixed report, nor a block holding one", () => {
    const lists = [[...ia, ...ie], ib];
    const fixed = reports.map((_, i) => i === ie[0]);
    const { lists: got } = moveFragments(reports, lists, fixed, o);
    expect(got[0]).toContain(ie[0]);
  });

  it("is deterministic, never raises the objective, and the refinement after it ends no worse", () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 6; trial++) {
      const lists: number[][] = [[], []];
      for (const [g, own] of [ia, [...ib, ...ie]].entries())
        for (const i of own) lists[random() < 0.2 ? 1 - g : g].push(i);
      const first = moveFragments(reports, lists, [], o);
      expect(moveFragments(reports, lists, [], o)).toEqual(first);
      expect(objective(first.lists)).toBeLessThanOrEqual(objective(lists) + 1e-9);
      const refined = reassignReports(reports, first.lists, [], {
        ...o,
        searchFirst: first.settled.map((s) => !s),
      });
      expect(objective(refined)).toBeLessThanOrEqual(objective(first.lists) + 1e-9);
    }
  });
});

describe("reassignReports searchFirst", () => {
  it("searches every report when all are flagged, as without the option", () => {
    const a = walk(1, 10, 0, 35, 2000);
    const b = walk(1, 10, 200, 35, 400);
    const reports = [...a, ...b];
    const lists = [
      [...indices(8), 12],
      [8, 9, 10, 11, ...indices(7, 13)],
    ];
    const plain = reassignReports(reports, lists, [], o);
    const all = reassignReports(reports, lists, [], { ...o, searchFirst: reports.map(() => true) });
    expect(all).toEqual(plain);
    // With none flagged, nothing is searched: the lists come back as given (sorted).
    const none = reassignReports(reports, lists, [], {
      ...o,
      searchFirst: reports.map(() => false),
    });
    expect(none).toEqual(lists.map((l) => [...l].sort((x, y) => x - y)));
  });
});
