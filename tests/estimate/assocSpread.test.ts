// Association spread (src/estimate/assocSpread.ts): tracks built without labels hold the reports
// near-tied between them, and each other's median person on the days around such a report.
import { describe, expect, it } from "vitest";
import {
  REACH_DAYS,
  SIZE_SWAP_DAYS,
  SWAP_DAYS,
  spreadAssociation,
} from "../../src/estimate/assocSpread.ts";
import { holdingKm } from "../../src/estimate/kmDay.ts";
import type { KmDayEstimate, KmSmootherResult } from "../../src/estimate/kmSmoother.ts";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import type { SizeDayEstimate } from "../../src/estimate/sizeSmoother.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { Association, EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";

const DAYS = 20;
/** How far (km) the test tracks' heads reach beyond their median person's interval. */
const HEAD_REACH = 200;

/**
 * A track on route `routeId` whose median person stands at `km(k)` on day k, ±30 km (90 %); its
 * head 20 km ahead, reaching HEAD_REACH beyond the median's interval; its tail 20 km behind.
 */
function track(
  name: string,
  labelled: boolean,
  km: (k: number) => number,
  routeId = "r",
): WorkGroup {
  const g = newGroup(name, labelled, routeId);
  g.day0 = 0;
  g.nDays = DAYS;
  const days: KmDayEstimate[] = Array.from({ length: DAYS }, (_, k) => ({
    median: km(k),
    low: km(k) - 30,
    high: km(k) + 30,
    mean: km(k),
    sd: 30 / 1.645,
  }));
  g.km = { days } as KmSmootherResult;
  g.head = days.map((d) => ({
    ...d,
    median: d.median + 20,
    low: d.median,
    high: d.high + HEAD_REACH,
  }));
  g.tail = days.map((d) => ({ ...d, median: d.median - 20, low: d.low - 20, high: d.median }));
  return g;
}

/** `g` with a size of `people` (median) on every day, 90 % interval 0.8–1.25 × that. */
function withSize(g: WorkGroup, people: number): WorkGroup {
  const day: SizeDayEstimate = {
    median: people,
    low: 0.8 * people,
    high: 1.25 * people,
    logMean: Math.log(people),
    logSd: Math.log(1.25) / 1.6448536,
  };
  g.size = Array.from({ length: DAYS }, () => ({ ...day }));
  return g;
}

/** Gives `g` a report at km `km` on day `day` (noon), named by `label` or by none, on `routes`. */
function report(
  ctx: EstimateContext,
  g: WorkGroup,
  id: string,
  day: number,
  km: number,
  label?: string,
  routes: string[] = ["r"],
): void {
  const s = { id, t: day + 0.5, label } as PreparedSighting;
  g.positions.push({ s, km, off: 0 });
  ctx.projections.set(s, new Map(routes.map((r) => [r, { km, off: 0 }])));
}

/**
 * A context on routes of 2,000 km whose km k lies at [k, 0] (route "r") or, with `shared`, on
 * every route alike (routes sharing road); else other routes lie far from "r".
 */
function context(associations: Association[] = [], shared = false): EstimateContext {
  const index = {
    lengthKm: () => 2000,
    along: (routeId: string, km: number) => [km, routeId === "r" || shared ? 0 : 10],
    project: (point: [number, number], o: { routeId: string }) =>
      shared || (o.routeId === "r") === (point[1] === 0)
        ? { routeId: o.routeId, km: point[0] }
        : undefined,
  };
  return {
    index,
    maxOff: 60,
    projections: new Map(),
    associations,
  } as unknown as EstimateContext;
}

const copy = (g: WorkGroup) =>
  structuredClone({ km: g.km?.days ?? [], head: g.head ?? [], tail: g.tail ?? [] });

describe("spreadAssociation", () => {
  it("stretches a track to hold a report near-tied with it and, around that day, the other track", () => {
    const ctx = context();
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, (k) => 180 + 20 * k);
    // Day 10: A at 300, B at 380; a report of A at 345 is almost as much B's.
    report(ctx, a, "x", 10, 345);
    const [beforeA, before] = [copy(a), copy(b)];
    const out = spreadAssociation(ctx, [a, b]);
    const bDays = b.km?.days ?? [];
    const aDays = a.km?.days ?? [];
    // Each holds the other's median person within SWAP_DAYS of day 10 (2 × 7 days).
    expect(out).toEqual({ contestedReports: 1, widenedDays: 2 * (2 * SWAP_DAYS + 1) });
    for (let k = 10 - SWAP_DAYS; k <= 10 + SWAP_DAYS; k++) {
      expect(bDays[k].low).toBeLessThanOrEqual(aDays[k].median);
      expect(aDays[k].high).toBeGreaterThanOrEqual(bDays[k].median);
      // The head and tail widen by as much as the median person's interval, on each side.
      const headB = b.head?.[k] as KmDayEstimate;
      expect(headB.low).toBe(before.head[k].low - (before.km[k].low - bDays[k].low));
      const tailA = a.tail?.[k] as KmDayEstimate;
      expect(tailA.high).toBe(beforeA.tail[k].high + (aDays[k].high - beforeA.km[k].high));
    }
    // Days farther away, medians and never a narrower interval.
    expect(bDays[10 + SWAP_DAYS + 1]).toEqual(before.km[10 + SWAP_DAYS + 1]);
    bDays.forEach((d, k) => {
      expect(d.median).toBe(before.km[k].median);
      expect(d.low).toBeLessThanOrEqual(before.km[k].low as number);
      expect(d.high).toBeGreaterThanOrEqual(before.km[k].high as number);
    });
  });

  it("keeps the head's reach beyond the median person's interval where the median's widens", () => {
    const ctx = context();
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, (k) => 180 + 20 * k);
    report(ctx, b, "y", 10, 335);
    spreadAssociation(ctx, [a, b]);
    // A's median person's interval now reaches B's median (380 on day 10): its head still reaches
    // HEAD_REACH km beyond that, not just the head's lead (20 km).
    const aDays = a.km?.days ?? [];
    expect(aDays[10].high).toBeGreaterThanOrEqual(380);
    for (let k = 0; k < DAYS; k++)
      expect(a.head?.[k].high).toBeGreaterThanOrEqual(aDays[k].high + HEAD_REACH);
  });

  it("on routes sharing road, the swap holds the other's median person projected on its route", () => {
    const ctx = context([], true);
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, () => 380, "s");
    report(ctx, a, "x", 10, 345, undefined, ["r", "s"]);
    const out = spreadAssociation(ctx, [a, b]);
    // B (380 ± 30) holds A's median person on days 7–12 (240 … 340 km; on day 13, 360 lies
    // inside), which covers the report; A holds B's 380 on days 7–12 (on day 13, 330–390).
    expect(out).toEqual({ contestedReports: 1, widenedDays: 12 });
    for (let k = 10 - SWAP_DAYS; k <= 10 + SWAP_DAYS; k++) {
      expect(b.km?.days[k].low).toBeLessThanOrEqual(100 + 20 * k);
      expect(a.km?.days[k].high).toBeGreaterThanOrEqual(380);
    }
  });

  it("holds a rival's report for REACH_DAYS either side; on a route away from it, no swap", () => {
    const ctx = context();
    // B waits at km 380 on route "s", which shares A's km here: A's report lies on both routes.
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, () => 380, "s");
    report(ctx, a, "x", 10, 345, undefined, ["r", "s"]);
    const beforeA = copy(a);
    const before = copy(b);
    const out = spreadAssociation(ctx, [a, b]);
    expect(out).toEqual({ contestedReports: 1, widenedDays: 2 * REACH_DAYS + 1 });
    const bDays = b.km?.days ?? [];
    for (let k = 0; k < DAYS; k++) {
      if (Math.abs(k - 10) <= REACH_DAYS) expect(bDays[k].low).toBe(345);
      else expect(bDays[k]).toEqual(before.km[k]);
    }
    expect(copy(a)).toEqual(beforeA);
  });

  it("a report far from every track, or read as an outlier, or of the head, contests nothing", () => {
    const far = context();
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, (k) => 400 + 20 * k);
    // Day 10: A at 300, B at 600; a report 1,000 km beyond both, and one 300 km past B.
    report(far, a, "x", 10, 1600);
    report(far, a, "y", 10, 900);
    const before = [copy(a), copy(b)];
    expect(spreadAssociation(far, [a, b])).toEqual({ contestedReports: 0, widenedDays: 0 });
    expect([copy(a), copy(b)]).toEqual(before);

    // A's report 20 km from B and 320 km from A: B's, unless the smoother read it as an outlier.
    for (const [prob, contested] of [
      [0.9, 0],
      [0.1, 1],
    ]) {
      const ctx = context([
        { sightingId: "z", group: "unlabelled-1", how: "associated", outlierProb: prob },
      ]);
      const c = track("unlabelled-1", false, (k) => 100 + 20 * k);
      const d = track("unlabelled-2", false, (k) => 400 + 20 * k);
      report(ctx, c, "z", 10, 620);
      expect(spreadAssociation(ctx, [c, d]).contestedReports).toBe(contested);
    }

    // A report of A's vanguard lies ahead of A by design: it is not read as B's.
    const ctx = context();
    const e = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const f = track("unlabelled-2", false, (k) => 400 + 20 * k);
    report(ctx, e, "v", 10, 600);
    e.parts = new Map([["v", "head"]]);
    expect(spreadAssociation(ctx, [e, f])).toEqual({ contestedReports: 0, widenedDays: 0 });
  });

  it("a swap holds the other track's median size on the swap days, on unlabelled tracks only", () => {
    const ctx = context();
    const a = withSize(
      track("unlabelled-1", false, (k) => 100 + 20 * k),
      500,
    );
    const b = withSize(
      track("unlabelled-2", false, (k) => 180 + 20 * k),
      1500,
    );
    const c = withSize(
      track("Caravana 1", true, (k) => 140 + 20 * k),
      3000,
    );
    // Day 10: A at 300, B at 380, C (labelled) at 340; A's report at 345 is near-tied with B.
    report(ctx, a, "x", 10, 345);
    const before = structuredClone([a.size, b.size, c.size]);
    spreadAssociation(ctx, [a, b, c]);
    const [aSize, bSize] = [a.size ?? [], b.size ?? []];
    for (let k = 0; k < DAYS; k++) {
      const swap = Math.abs(k - 10) <= SIZE_SWAP_DAYS;
      // On swap days A's interval holds B's 1,500 people and B's holds A's 500, with the log sd
      // grown to the interval's width; medians kept; other days as they were.
      expect(aSize[k].high).toBe(swap ? 1500 : before[0]?.[k].high);
      expect(bSize[k].low).toBe(swap ? 500 : before[1]?.[k].low);
      expect(aSize[k].low).toBe(before[0]?.[k].low);
      expect(aSize[k].median).toBe(500);
      if (swap) expect(aSize[k].logSd).toBeCloseTo(Math.log(1500 / 400) / (2 * 1.6448536), 4);
    }
    // The labelled track's sizes are never touched, though C stands between A and B.
    expect(c.size).toEqual(before[2]);
  });

  it("never touches a labelled group's track, and a labelled report contests nothing", () => {
    const ctx = context();
    const a = track("Caravana 1", true, (k) => 100 + 20 * k);
    const b = track("unlabelled-1", false, (k) => 180 + 20 * k);
    report(ctx, b, "x", 10, 335);
    report(ctx, a, "y", 5, 240, "Caravana 1");
    const before = [copy(a), copy(b)];
    // B's report near A is contested by a labelled track only: A keeps its interval, and so does
    // B (a labelled group's report is its own).
    expect(spreadAssociation(ctx, [a, b]).contestedReports).toBe(0);
    expect([copy(a), copy(b)]).toEqual(before);
  });
});

describe("holdingKm", () => {
  const d: KmDayEstimate = { median: 50, low: 40, high: 60, mean: 50, sd: 6 };
  it("widens to hold a stretch, never below km 0 nor past the route's end, never narrower", () => {
    expect(holdingKm(d, -20, 90, 80)).toEqual({ low: 0, high: 80 });
    expect(holdingKm(d, 45, 55, 80)).toEqual({ low: 40, high: 60 });
    // A day already past the route's end keeps its high end.
    expect(holdingKm({ ...d, high: 120 }, 30, 200, 80)).toEqual({ low: 30, high: 120 });
  });
});
