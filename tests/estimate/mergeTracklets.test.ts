import { describe, expect, it } from "vitest";
import { walk } from "./walkReports.ts";
import { mergeRows, mergeTracklets, sizesApart } from "../../src/estimate/mergeTracklets.ts";
import { groupFigures } from "../../src/estimate/groupFigures.ts";
import type { LinkItem, LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { reassignReports } from "../../src/estimate/reassignReports.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import { splitTrack } from "../../src/estimate/splitTrack.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21 };

const item = (reports: LinkReport[], labelled = false): LinkItem => ({ labelled, reports });

describe("mergeTracklets", () => {
  it("joins the pieces of one group across a 400 km ride and a 7-day shelter stay", () => {
    const pieces = [
      item(walk(1, 5, 0, 30, 2000)),
      item(walk(6, 9, 520, 30, 2100)),
      item(walk(10, 16, 610, 0, 1900)),
      item(walk(17, 20, 640, 30, 2000)),
    ];
    expect(mergeTracklets(pieces, o).map((c) => c.members)).toEqual([[0, 1, 2, 3]]);
  });

  it("does not join two groups 5 days apart on the same road", () => {
    const a = walk(1, 14, 0, 35, 1500);
    const b = walk(6, 19, 0, 35, 1500);
    // Each group seen as two tracklets.
    const items = [item(a.slice(0, 7)), item(b.slice(0, 7)), item(a.slice(7)), item(b.slice(7))];
    expect(mergeTracklets(items, o).map((c) => c.members)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it("does not join reports of 4,000 to a group of 300 at the same place", () => {
    const small = walk(1, 10, 100, 30, 300);
    const big = walk(3, 4, 160, 30, 4000);
    expect(mergeTracklets([item(small), item(big)], o)).toHaveLength(2);
  });

  it("with mergeSizeRatio, keeps apart two groups of 700 and 2,500 walking a few km apart", () => {
    // Two groups on the same days, 15 km apart: the positions cannot tell them apart.
    const small = walk(1, 8, 100, 30, 700);
    const big = walk(1, 8, 115, 30, 2500);
    const gated = { ...o, model: { ...model, mergeSizeRatio: 3 } };
    expect(mergeTracklets([item(small), item(big)], o)).toHaveLength(1);
    expect(mergeTracklets([item(small), item(big)], gated)).toHaveLength(2);
    // One group's pieces across a 400 km ride and a stay, figures within 10 %, still one.
    const pieces = [
      item(walk(1, 5, 0, 30, 2000)),
      item(walk(6, 9, 520, 30, 2100)),
      item(walk(10, 16, 610, 0, 1900)),
    ];
    expect(mergeTracklets(pieces, gated).map((c) => c.members)).toEqual([[0, 1, 2]]);
  });

  it("sizesApart reads two or more whole figures a side", () => {
    const f = (...v: number[]) => groupFigures(v.map((x) => ({ t: 0, logSize: Math.log(x) })));
    expect(sizesApart(f(300, 320), f(4000, 3800), 3)).toBe(true);
    expect(sizesApart(f(300, 320), f(800, 700), 3)).toBe(false);
    // One figure a side is too noisy to keep two tracklets apart.
    expect(sizesApart(f(300), f(4000, 3800), 3)).toBe(false);
  });

  it("merges rows of one table of more reports (mergeRows) as it merges the items' own reports", () => {
    const a = walk(1, 14, 0, 35, 1500);
    const b = walk(6, 19, 0, 35, 1500);
    const stray = walk(2, 8, 900, 10, 200);
    const items = [item(a.slice(0, 7)), item(b.slice(0, 7)), item(a.slice(7)), item(b.slice(7))];
    items.push(item(stray.slice(0, 3)), item(stray.slice(3), true));
    // The table: every report, in reverse order, with reports of no item between them.
    const all = [...items.flatMap((x) => x.reports), ...walk(1, 20, 300, 20, 800)].reverse();
    const rows = items.map((x, k) => ({
      labelled: x.labelled,
      routes: k === 5 ? ["main"] : undefined,
      rows: x.reports.map((r) => all.indexOf(r)),
    }));
    const plain = mergeTracklets(
      items.map((x, k) => ({ ...x, routes: rows[k].routes })),
      o,
    );
    expect(mergeRows(new ReportTable(all), rows, o)).toEqual(plain);
    expect(plain.map((c) => c.members)).toContainEqual([0, 2]);
  });

  it("never merges two labelled groups", () => {
    const a = walk(1, 5, 0, 30, 1000);
    const b = walk(1, 5, 0, 30, 1000);
    expect(mergeTracklets([item(a, true), item(b, true)], o)).toHaveLength(2);
  });
});

describe("reassignReports and splitTrack", () => {
  const a = walk(1, 12, 0, 35, 3000);
  const b = walk(1, 12, 250, 35, 500);
  const reports = [...a, ...b];
  const ia = a.map((_, i) => i);
  const ib = b.map((_, i) => i + a.length);

  it("moves reports mixed into the wrong group back to their own", () => {
    // Two tracklets, each holding two reports of the other group from the middle of its span.
    // (Swapped ends, where the two tracks cross over, need moves of pairs: not attempted.)
    const start = [
      [...ia.filter((i) => i !== 5 && i !== 6), ib[4], ib[7]],
      [...ib.filter((i) => i !== ib[4] && i !== ib[7]), ia[5], ia[6]],
    ];
    const [x, y] = reassignReports(reports, start, [], o);
    expect(x).toEqual(ia);
    expect(y).toEqual(ib);
    // The same with the caller's table (made once per search); a table of another array is refused.
    const table = new ReportTable(reports);
    expect(reassignReports(reports, start, [], { ...o, table })).toEqual([x, y]);
    expect(() =>
      reassignReports(reports, start, [], { ...o, table: new ReportTable([...reports]) }),
    ).toThrow(RangeError);
  });

  it("splits a track that holds two groups, and leaves one group whole", () => {
    const parts = splitTrack(reports, [...ia, ...ib], [], { ...o, routes: ["main"] });
    // The two groups, whichever the split names first.
    const sorted = parts?.map((p) => [...p].sort((u, v) => u - v)).sort((p, q) => p[0] - q[0]);
    expect(sorted).toEqual([ia, ib]);
    const table = new ReportTable(reports);
    expect(splitTrack(reports, [...ia, ...ib], [], { ...o, routes: ["main"], table })).toEqual(
      parts,
    );
    expect(splitTrack(reports, ia, [], { ...o, routes: ["main"] })).toBeUndefined();
    // A table of another array is refused before any cost is read from it.
    const other = { ...o, routes: ["main"], table: new ReportTable([...reports]) };
    expect(() => splitTrack(reports, ia, [], other)).toThrow(RangeError);
  });
});

describe("ReportTable", () => {
  it("orders its reports by time, those at one time as given", () => {
    const at = (t: number): LinkReport => ({ t, kmByRoute: new Map([["main", t]]) });
    const table = new ReportTable([at(3), at(1), at(3), at(0), at(1)]);
    expect(table.byTime).toEqual([3, 1, 4, 0, 2]);
  });

  it("ReportTable.for: the table given when it is of these reports, else a new one", () => {
    const reports: LinkReport[] = [{ t: 0, kmByRoute: new Map([["main", 5]]) }];
    const table = new ReportTable(reports);
    expect(ReportTable.for(reports, table)).toBe(table);
    expect(ReportTable.for(reports).reports).toBe(reports);
    expect(() => ReportTable.for([...reports], table)).toThrow(RangeError);
  });
});
